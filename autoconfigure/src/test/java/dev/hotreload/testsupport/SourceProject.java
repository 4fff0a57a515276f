package dev.hotreload.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real Maven-style project below a temporary directory, {@code src/main/java} and
 * {@code target/classes}, with the application's class loader over
 * {@code target/classes}: tests build a first version, start a context on it and then
 * save changed sources, as a developer does in an editor.
 */
public final class SourceProject implements AutoCloseable {

	private final Path sourceDirectory;

	private final Path classDirectory;

	private final URLClassLoader classLoader;

	/**
	 * Create an empty project below a temporary directory.
	 * @param tempDirectory a temporary directory owned by the test
	 * @param extraClasspath further directories for the application's class loader
	 */
	public SourceProject(Path tempDirectory, Path... extraClasspath) {
		try {
			Path root = tempDirectory.toRealPath();
			this.sourceDirectory = Files.createDirectories(root.resolve("src/main/java"));
			this.classDirectory = Files.createDirectories(root.resolve("target/classes"));
			List<URL> urls = new ArrayList<>();
			urls.add(this.classDirectory.toUri().toURL());
			for (Path path : extraClasspath) {
				urls.add(path.toUri().toURL());
			}
			this.classLoader = new URLClassLoader(urls.toArray(URL[]::new), SourceProject.class.getClassLoader());
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Write sources and compile them into the class directory, as the build does before
	 * the application starts.
	 * @param sources pairs of fully qualified class name and source text
	 * @return this
	 */
	public SourceProject build(String... sources) {
		Map<String, String> byName = byName(sources);
		byName.forEach(this::save);
		TestCompiler.compile(this.classDirectory, byName);
		return this;
	}

	/**
	 * Compile sources into the class directory without saving them, as an IDE that
	 * compiles on save does.
	 * @param sources pairs of fully qualified class name and source text
	 */
	public void compileIntoClasses(String... sources) {
		TestCompiler.compile(this.classDirectory, byName(sources));
	}

	/**
	 * Save a source file, as an editor does.
	 * @param className the fully qualified name of its top-level class
	 * @param source the source text
	 */
	public void save(String className, String source) {
		try {
			Path file = sourceFile(className);
			Files.createDirectories(file.getParent());
			Files.writeString(file, source);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Delete a source file.
	 * @param className the fully qualified name of its top-level class
	 */
	public void delete(String className) {
		try {
			Files.delete(sourceFile(className));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return the bytes of a class file, or an empty array if it does not exist.
	 * @param className the binary class name
	 * @return the class file's content
	 */
	public byte[] classBytes(String className) {
		try {
			Path file = classFile(className);
			return Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return the path of a source file.
	 * @param className the fully qualified name of its top-level class
	 * @return the path of its source file
	 */
	public Path sourceFile(String className) {
		return this.sourceDirectory.resolve(className.replace('.', '/') + ".java");
	}

	/**
	 * Return the path of a class file.
	 * @param className the binary class name
	 * @return the path of its class file
	 */
	public Path classFile(String className) {
		return this.classDirectory.resolve(className.replace('.', '/') + ".class");
	}

	/**
	 * Return the source directory, {@code src/main/java}.
	 * @return the source directory
	 */
	public Path sourceDirectory() {
		return this.sourceDirectory;
	}

	/**
	 * Return the class directory, {@code target/classes}.
	 * @return the class directory
	 */
	public Path classDirectory() {
		return this.classDirectory;
	}

	/**
	 * Return the application's class loader.
	 * @return the class loader
	 */
	public ClassLoader classLoader() {
		return this.classLoader;
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

	private static Map<String, String> byName(String... sources) {
		Map<String, String> byName = new LinkedHashMap<>();
		for (int i = 0; i < sources.length; i += 2) {
			byName.put(sources[i], sources[i + 1]);
		}
		return byName;
	}

	@Override
	public void close() throws IOException {
		this.classLoader.close();
	}

}
