package dev.hotreload.classloading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Finds the class directories of an application where changed classes can appear: the
 * classpath entries that are the output directories of a build, and the directories named
 * explicitly. A build output directory is one of
 * <ul>
 * <li>Maven's {@code target/classes} and {@code target/test-classes};</li>
 * <li>Gradle's {@code build/classes/<language>/<source set>} (such as
 * {@code build/classes/java/main}) and {@code build/resources/<source set>};</li>
 * <li>an IDE's output folder: IntelliJ IDEA's {@code out/production/<module>} and
 * {@code out/test/<module>}, Eclipse's and VS Code's {@code bin} and
 * {@code bin/<source set>}.</li>
 * </ul>
 * The directory of hot reload's own classes is never watched, so that an application run
 * from hot reload's own build does not reload the engine itself. Other classpath
 * directories are not watched, so that an application run from packaged classes, such as
 * Spring Boot's extracted layout ({@code BOOT-INF/classes} next to the launcher's
 * classes), has none. Nothing below {@code BOOT-INF} or {@code WEB-INF} counts, nor a
 * directory holding {@code BOOT-INF}, even when named explicitly.
 */
public final class ClassPathDirectories {

	private static final Log logger = LogFactory.getLog(ClassPathDirectories.class);

	private static final Set<String> PACKAGED_LAYOUT_DIRECTORIES = Set.of("BOOT-INF", "WEB-INF");

	private static final @Nullable Path OWN_CLASSES = ownClasses();

	private ClassPathDirectories() {
	}

	private static @Nullable Path ownClasses() {
		CodeSource source = ClassPathDirectories.class.getProtectionDomain().getCodeSource();
		Path path = (source != null && source.getLocation() != null) ? toPath(source.getLocation()) : null;
		return (path != null && Files.isDirectory(path)) ? path : null;
	}

	/**
	 * Find the build output directories visible to a class loader, plus extra class
	 * directories. Classpath directories that are not build output are left out, each
	 * with a line in the log.
	 * @param classLoader the application's class loader
	 * @param extraPaths further class directories to include, whatever their names
	 * @return the existing directories, in classpath order, without duplicates
	 */
	public static Set<Path> find(ClassLoader classLoader, Collection<Path> extraPaths) {
		Set<Path> result = new LinkedHashSet<>();
		try {
			Enumeration<URL> roots = classLoader.getResources("");
			while (roots.hasMoreElements()) {
				Path path = toPath(roots.nextElement());
				if (path != null && Files.isDirectory(path) && !result.contains(path)) {
					if (path.equals(OWN_CLASSES)) {
						// Run from hot reload's own build (as the sample is), its engine
						// must not
						// reload itself.
						logger.debug("Not watching " + path + " for hot reload: it holds hot reload's own classes");
					}
					else if (isBuildOutput(path) && !isPackagedLayout(path)) {
						result.add(path);
					}
					else {
						logger.info("Not watching classpath directory " + path
								+ " for hot reload: it is no build output directory (such as target/classes); "
								+ "name it in 'hotreload.watch.paths' to watch it");
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the classpath of " + classLoader, ex);
		}
		for (Path extra : extraPaths) {
			Path path = extra.toAbsolutePath().normalize();
			if (!Files.isDirectory(path)) {
				continue;
			}
			if (isPackagedLayout(path)) {
				logger.info("Not watching " + path + " for hot reload: it holds packaged classes");
			}
			else {
				result.add(path);
			}
		}
		return result;
	}

	/**
	 * Return whether a directory is, by its path, the class or resource output directory
	 * of a build tool or an IDE.
	 * @param directory an absolute, normalized directory path
	 * @return whether it is build output
	 */
	public static boolean isBuildOutput(Path directory) {
		String name = name(directory, 0);
		String parent = name(directory, 1);
		String grandParent = name(directory, 2);
		String greatGrandParent = name(directory, 3);
		if ("target".equals(parent)) {
			return "classes".equals(name) || "test-classes".equals(name);
		}
		if ("build".equals(grandParent) && "resources".equals(parent)) {
			return true;
		}
		if ("build".equals(greatGrandParent) && "classes".equals(grandParent)) {
			return true;
		}
		if ("out".equals(grandParent)) {
			return "production".equals(parent) || "test".equals(parent);
		}
		return "bin".equals(name) || "bin".equals(parent);
	}

	// Spring Boot's jar layout, extracted or exploded: BOOT-INF/classes, WEB-INF/classes,
	// and the root that holds them next to the launcher.
	private static boolean isPackagedLayout(Path directory) {
		for (Path name : directory) {
			if (PACKAGED_LAYOUT_DIRECTORIES.contains(name.toString())) {
				return true;
			}
		}
		return Files.isDirectory(directory.resolve("BOOT-INF"));
	}

	private static @Nullable String name(Path path, int levelsUp) {
		int index = path.getNameCount() - 1 - levelsUp;
		return (index >= 0) ? path.getName(index).toString() : null;
	}

	/**
	 * Find the class directory that a class was loaded from.
	 * @param type the class
	 * @param directories the class directories to look in
	 * @return the directory holding its class file, or {@code null} if it comes from
	 * elsewhere, such as a jar
	 */
	public static @Nullable Path directoryOf(Class<?> type, Collection<Path> directories) {
		String classFile = ClassFileNames.toRelativePath(type.getName());
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
