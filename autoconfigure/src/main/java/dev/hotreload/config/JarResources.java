package dev.hotreload.config;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The application's class loader as the configuration files are loaded again, keeping
 * what the jars answer: Spring Boot looks up each of its locations for every profile and
 * extension, and each lookup that no class directory answers walks every jar of the class
 * path, whose content does not change while the application runs.
 */
final class JarResources extends ClassLoader {

	private static final String JAR = "jar";

	private final ClassLoader loader;

	private final List<Path> classDirectories;

	private final Map<String, Optional<URL>> answers = new ConcurrentHashMap<>();

	/**
	 * Create the class loader.
	 * @param loader the application's class loader, which loads the classes
	 * @param classDirectories the project's class directories, where files change
	 */
	JarResources(ClassLoader loader, Collection<Path> classDirectories) {
		super(loader);
		Assert.notNull(loader, "'loader' must not be null");
		Assert.notNull(classDirectories, "'classDirectories' must not be null");
		this.loader = loader;
		this.classDirectories = List.copyOf(classDirectories);
	}

	@Override
	public @Nullable URL getResource(String name) {
		// A file of a class directory can come, change or go at any time.
		if (inClassDirectory(name)) {
			return this.loader.getResource(name);
		}
		Optional<URL> answer = this.answers.get(name);
		if (answer == null) {
			URL url = this.loader.getResource(name);
			answer = Optional.ofNullable(url);
			// Only what no directory answers is known to stay so.
			if (url == null || JAR.equals(url.getProtocol())) {
				this.answers.put(name, answer);
			}
		}
		return answer.orElse(null);
	}

	private boolean inClassDirectory(String name) {
		for (Path directory : this.classDirectories) {
			try {
				if (Files.exists(directory.resolve(name))) {
					return true;
				}
			}
			catch (InvalidPathException ex) {
				return true;
			}
		}
		return false;
	}

}
