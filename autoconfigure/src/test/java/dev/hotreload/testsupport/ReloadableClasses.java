package dev.hotreload.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A real class directory outside the build's own, with a class loader over it, into which
 * tests compile first versions of their beans and then changed versions, as an IDE would.
 */
public final class ReloadableClasses implements AutoCloseable {

	/**
	 * Source of {@code demo.Config}, a configuration that scans the {@code demo} package.
	 */
	public static final String COMPONENT_SCAN_CONFIG = """
			package demo;
			@org.springframework.context.annotation.Configuration
			@org.springframework.context.annotation.ComponentScan
			public class Config {
			}
			""";

	/**
	 * Source of {@code demo.Greeter}, a {@code @HotReloadable} component whose
	 * {@code greet()} answers {@code "hello"}.
	 */
	public static final String HELLO_GREETER = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Greeter {
				public String greet() { return "hello"; }
			}
			""";

	private final Path directory;

	private final URLClassLoader classLoader;

	/**
	 * Create an empty class directory below a temporary directory.
	 * @param tempDirectory a temporary directory owned by the test
	 */
	public ReloadableClasses(Path tempDirectory) {
		try {
			this.directory = Files.createDirectories(tempDirectory.resolve("target/classes")).toRealPath();
			this.classLoader = new URLClassLoader(new URL[] { this.directory.toUri().toURL() },
					ReloadableClasses.class.getClassLoader());
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return the class directory.
	 * @return the directory
	 */
	public Path directory() {
		return this.directory;
	}

	/**
	 * Return the loader of the first versions, the application's class loader.
	 * @return the class loader
	 */
	public ClassLoader classLoader() {
		return this.classLoader;
	}

	/**
	 * Compile sources into the class directory.
	 * @param sources pairs of fully qualified class name and source text
	 * @return this
	 */
	public ReloadableClasses compile(String... sources) {
		Map<String, String> byName = new LinkedHashMap<>();
		for (int i = 0; i < sources.length; i += 2) {
			byName.put(sources[i], sources[i + 1]);
		}
		TestCompiler.compile(this.directory, byName);
		return this;
	}

	/**
	 * Load a class through the application's class loader.
	 * @param className the class name
	 * @return the class
	 */
	public Class<?> load(String className) {
		try {
			return this.classLoader.loadClass(className);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Return the path of a class file in the directory.
	 * @param className the binary class name
	 * @return the path of its class file
	 */
	public Path classFile(String className) {
		return this.directory.resolve(className.replace('.', '/') + ".class");
	}

	@Override
	public void close() throws IOException {
		this.classLoader.close();
	}

}
