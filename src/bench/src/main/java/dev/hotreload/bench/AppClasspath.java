package dev.hotreload.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.springframework.util.FileSystemUtils;

/**
 * The classpath of the sample application, taken from the benchmark's own: the libraries
 * the sample app depends on, without the benchmark's tools (JMH), without the baselines
 * that would change the application (Spring Cloud's auto-configurations, DevTools) unless
 * a baseline asks for one of them, and without the sample's own classes, which each run
 * copies into a class directory of its own, as an IDE's build output.
 */
final class AppClasspath {

	private static final List<String> LEFT_OUT = List.of("jmh-", "jopt-simple-", "commons-math3-", "spring-cloud-",
			"spring-security-crypto-");

	private static final List<String> SPRING_CLOUD = List.of("spring-cloud-", "spring-security-crypto-");

	private static final String DEVTOOLS = "spring-boot-devtools-";

	private final List<Path> entries;

	private final Path sampleLocation;

	private final Path benchTarget;

	private AppClasspath(List<Path> entries, Path sampleLocation, Path benchTarget) {
		this.entries = entries;
		this.sampleLocation = sampleLocation;
		this.benchTarget = benchTarget;
	}

	/**
	 * Read the classpath of this JVM.
	 * @return the classpath
	 */
	static AppClasspath ofThisJvm() {
		List<Path> entries = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !entry.isBlank())
			.map((entry) -> Path.of(entry).toAbsolutePath().normalize())
			.toList();
		Path sample = locationOf("dev.hotreload.sample.SampleApplication");
		Path bench = locationOf(BenchmarkSuite.class.getName());
		return new AppClasspath(entries, sample, bench.getParent());
	}

	/**
	 * Return the libraries of the sample application.
	 * @param withDevTools whether Spring Boot DevTools is on the classpath
	 * @return the classpath entries, without the sample's classes
	 */
	List<String> libraries(boolean withDevTools) {
		return libraries(withDevTools, false);
	}

	/**
	 * Return the libraries of the sample application with Spring Cloud's context (and the
	 * crypto library it needs) on the classpath, for the {@code @RefreshScope} baseline,
	 * and without DevTools.
	 * @return the classpath entries, without the sample's classes
	 */
	List<String> librariesWithSpringCloud() {
		return libraries(false, true);
	}

	private List<String> libraries(boolean withDevTools, boolean withSpringCloud) {
		List<String> libraries = new ArrayList<>();
		for (Path entry : this.entries) {
			String name = entry.getFileName().toString();
			boolean springCloud = SPRING_CLOUD.stream().anyMatch(name::startsWith);
			boolean leftOut = entry.equals(this.sampleLocation) || entry.startsWith(this.benchTarget)
					|| (LEFT_OUT.stream().anyMatch(name::startsWith) && !(withSpringCloud && springCloud))
					|| (!withDevTools && name.startsWith(DEVTOOLS));
			if (!leftOut) {
				libraries.add(entry.toString());
			}
		}
		return libraries;
	}

	/**
	 * Copy the sample's compiled classes and resources into a new class directory.
	 * @param target the class directory to create
	 * @return the class directory
	 * @throws IOException if a file cannot be copied
	 */
	Path copySampleClasses(Path target) throws IOException {
		Files.createDirectories(target);
		if (Files.isDirectory(this.sampleLocation)) {
			FileSystemUtils.copyRecursively(this.sampleLocation, target);
			return target;
		}
		try (JarFile jar = new JarFile(this.sampleLocation.toFile())) {
			for (JarEntry entry : Collections.list(jar.entries())) {
				Path file = target.resolve(entry.getName()).normalize();
				if (!entry.isDirectory() && file.startsWith(target) && !entry.getName().startsWith("META-INF/")) {
					Files.createDirectories(file.getParent());
					try (InputStream input = jar.getInputStream(entry)) {
						Files.copy(input, file);
					}
				}
			}
		}
		return target;
	}

	private static Path locationOf(String className) {
		try {
			Class<?> type = Class.forName(className);
			return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
				.toAbsolutePath()
				.normalize();
		}
		catch (ClassNotFoundException | URISyntaxException ex) {
			throw new IllegalStateException("Cannot locate " + className, ex);
		}
	}

}
