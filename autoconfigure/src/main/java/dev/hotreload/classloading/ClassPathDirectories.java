package dev.hotreload.classloading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Finds the class directories of an application (classpath entries that are directories,
 * such as {@code target/classes}), where changed classes can appear. A packaged
 * application has none.
 */
public final class ClassPathDirectories {

	private ClassPathDirectories() {
	}

	/**
	 * Find the class directories visible to a class loader, plus extra ones.
	 * @param classLoader the application's class loader
	 * @param extraPaths further class directories to include
	 * @return the existing directories, in classpath order, without duplicates
	 */
	public static Set<Path> find(ClassLoader classLoader, Collection<Path> extraPaths) {
		Set<Path> result = new LinkedHashSet<>();
		try {
			Enumeration<URL> roots = classLoader.getResources("");
			while (roots.hasMoreElements()) {
				Path path = toPath(roots.nextElement());
				if (path != null && Files.isDirectory(path)) {
					result.add(path);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the classpath of " + classLoader, ex);
		}
		for (Path extra : extraPaths) {
			Path path = extra.toAbsolutePath().normalize();
			if (Files.isDirectory(path)) {
				result.add(path);
			}
		}
		return result;
	}

	/**
	 * Find the class directory that a class was loaded from.
	 * @param type the class
	 * @param directories the class directories to look in
	 * @return the directory holding its class file, or {@code null} if it comes from
	 * elsewhere, such as a jar
	 */
	public static @Nullable Path directoryOf(Class<?> type, Collection<Path> directories) {
		String classFile = type.getName().replace('.', '/') + ".class";
		ClassLoader loader = type.getClassLoader();
		URL url = (loader != null) ? loader.getResource(classFile) : null;
		Path file = (url != null) ? toPath(url) : null;
		if (file == null) {
			return null;
		}
		for (Path directory : directories) {
			if (file.equals(directory.resolve(classFile))) {
				return directory;
			}
		}
		return null;
	}

	/**
	 * Return the path of a {@code file:} URL of the classpath.
	 * @param url the URL
	 * @return its absolute, normalized path, or {@code null} if it is no file URL
	 */
	public static @Nullable Path toPath(URL url) {
		if (!"file".equals(url.getProtocol())) {
			return null;
		}
		try {
			return Path.of(url.toURI()).toAbsolutePath().normalize();
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			return null;
		}
	}

}
