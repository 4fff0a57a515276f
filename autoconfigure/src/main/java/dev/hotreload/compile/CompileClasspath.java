package dev.hotreload.compile;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.hotreload.classloading.ClassPathDirectories;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * The classpath that changed sources compile against: that of the running application. It
 * holds the entries of {@code java.class.path} (the application class loader), then the
 * file URLs of the {@link URLClassLoader URLClassLoaders} between it and the
 * application's class loader, then the class directories, each once and only if it
 * exists.
 */
public final class CompileClasspath {

	private CompileClasspath() {
	}

	/**
	 * Return the classpath of a running application.
	 * @param classLoader the application's class loader
	 * @param classDirectories the class directories that changed sources compile into
	 * @return the existing entries, in the order the class loaders search them
	 */
	public static List<Path> of(@Nullable ClassLoader classLoader, Collection<Path> classDirectories) {
		Assert.notNull(classDirectories, "'classDirectories' must not be null");
		Set<Path> entries = new LinkedHashSet<>();
		String javaClassPath = System.getProperty("java.class.path", "");
		for (String entry : StringUtils.tokenizeToStringArray(javaClassPath, File.pathSeparator)) {
			add(entries, toPath(entry));
		}
		for (ClassLoader loader : rootFirst(classLoader)) {
			if (loader instanceof URLClassLoader urlClassLoader) {
				for (URL url : urlClassLoader.getURLs()) {
					add(entries, ClassPathDirectories.toPath(url));
				}
			}
		}
		classDirectories.forEach((directory) -> add(entries, directory));
		return List.copyOf(entries);
	}

	// A parent is searched before its children, so its entries come first.
	private static Deque<ClassLoader> rootFirst(@Nullable ClassLoader classLoader) {
		Deque<ClassLoader> chain = new ArrayDeque<>();
		for (ClassLoader loader = classLoader; loader != null; loader = loader.getParent()) {
			chain.addFirst(loader);
		}
		return chain;
	}

	private static void add(Set<Path> entries, @Nullable Path path) {
		if (path != null && Files.exists(path)) {
			entries.add(path.toAbsolutePath().normalize());
		}
	}

	private static @Nullable Path toPath(String entry) {
		try {
			return Path.of(entry);
		}
		catch (InvalidPathException ex) {
			return null;
		}
	}

}
