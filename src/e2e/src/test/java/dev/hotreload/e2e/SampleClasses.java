package dev.hotreload.e2e;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application's classes as the end-to-end tests handle them: copied into a
 * class directory of the test's own, and new versions compiled as an IDE's build would.
 */
final class SampleClasses {

	private SampleClasses() {
	}

	/**
	 * Compile a new version of a sample class next to the class directory, so that the
	 * finished class file can be moved in, as an IDE's build writes it.
	 * @param className the binary name of the class
	 * @param source its new source
	 * @param staging a directory for the source and the output
	 * @return the compiled class file
	 * @throws IOException if the source cannot be written
	 */
	static Path compile(String className, String source, Path staging) throws IOException {
		Path sourceFile = staging.resolve("src").resolve(className.replace('.', '/') + ".java");
		Files.createDirectories(sourceFile.getParent());
		Files.writeString(sourceFile, source);
		Path output = Files.createDirectories(staging.resolve("out"));
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		int result = compiler.run(null, null, null, "-d", output.toString(), "-cp",
				System.getProperty("java.class.path"), "-parameters", "-g", "--release", "17", sourceFile.toString());
		assertThat(result).as("javac exit code").isZero();
		return output.resolve(className.replace('.', '/') + ".class");
	}

	/**
	 * Copy the sample's classes into a class directory.
	 * @param target the directory, named like build output (such as
	 * {@code target/classes}), since hot reload watches only build output
	 * @return the directory
	 * @throws IOException if the classes cannot be copied
	 * @throws URISyntaxException if the sample's location is no file
	 */
	static Path extract(Path target) throws IOException, URISyntaxException {
		Path location = location();
		Files.createDirectories(target);
		if (Files.isDirectory(location)) {
			FileSystemUtils.copyRecursively(location, target);
			return target;
		}
		try (JarFile jar = new JarFile(location.toFile())) {
			for (JarEntry entry : Collections.list(jar.entries())) {
				Path file = target.resolve(entry.getName()).normalize();
				if (!entry.isDirectory() && file.startsWith(target)) {
					Files.createDirectories(file.getParent());
					try (InputStream input = jar.getInputStream(entry)) {
						Files.copy(input, file);
					}
				}
			}
		}
		return target;
	}

	/**
	 * Return the libraries of the test's classpath, for an application started in a JVM
	 * of its own: neither the sample's classes, which come from a copy, nor the test's,
	 * which the application would watch too, nor DevTools.
	 * @return the classpath entries
	 * @throws URISyntaxException if a location is no file
	 */
	static List<String> libraries() throws URISyntaxException {
		return libraries(false);
	}

	/**
	 * Return the libraries of the test's classpath, for an application started in a JVM
	 * of its own: neither the sample's classes, which come from a copy, nor the test's,
	 * which the application would watch too, and DevTools only if asked for.
	 * @param devTools whether Spring Boot DevTools is among them
	 * @return the classpath entries
	 * @throws URISyntaxException if a location is no file
	 */
	static List<String> libraries(boolean devTools) throws URISyntaxException {
		String sample = location().toString();
		String tests = Path.of(SampleClasses.class.getProtectionDomain().getCodeSource().getLocation().toURI())
			.toAbsolutePath()
			.toString();
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !Path.of(entry).toAbsolutePath().toString().equals(sample))
			.filter((entry) -> !Path.of(entry).toAbsolutePath().toString().equals(tests))
			.filter((entry) -> devTools || !Path.of(entry).getFileName().toString().startsWith("spring-boot-devtools"))
			.toList();
	}

	/**
	 * Return where the sample's classes come from on the test's class path.
	 * @return its class directory or jar
	 * @throws URISyntaxException if the location is no file
	 */
	static Path location() throws URISyntaxException {
		try {
			Class<?> application = Class.forName("dev.hotreload.sample.SampleApplication");
			return Path.of(application.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
