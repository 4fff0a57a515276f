package dev.hotreload.compile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Finds the source directories of an application's class directories, by the layouts of
 * Maven and Gradle:
 * <ul>
 * <li>{@code <module>/target/classes} compiles from {@code <module>/src/main/java}</li>
 * <li>{@code <module>/target/test-classes} compiles from
 * {@code <module>/src/test/java}</li>
 * <li>{@code <module>/build/classes/java/<set>} compiles from
 * {@code <module>/src/<set>/java}, such as {@code build/classes/java/main} from
 * {@code src/main/java}</li>
 * </ul>
 * A source directory named explicitly compiles into the class directory that shares the
 * longest path prefix with it, that is the class directory of the same module; when
 * several share as much, the first of them in classpath order.
 */
public final class SourceRoots {

	private SourceRoots() {
	}

	/**
	 * Find the existing source directories of class directories, plus extra ones.
	 * @param classDirectories the class directories, in classpath order
	 * @param extraPaths further source directories
	 * @return the source roots, without duplicates; empty if there is no class directory
	 */
	public static List<SourceRoot> find(List<Path> classDirectories, Collection<Path> extraPaths) {
		Assert.notNull(classDirectories, "'classDirectories' must not be null");
		Assert.notNull(extraPaths, "'extraPaths' must not be null");
		Map<Path, SourceRoot> roots = new LinkedHashMap<>();
		for (Path classDirectory : classDirectories) {
			Path directory = conventionalSourceDirectory(classDirectory);
			if (directory != null && Files.isDirectory(directory)) {
				roots.putIfAbsent(directory, new SourceRoot(directory, classDirectory));
			}
		}
		for (Path extraPath : extraPaths) {
			Path directory = extraPath.toAbsolutePath().normalize();
			Path classDirectory = closestClassDirectory(directory, classDirectories);
			if (classDirectory != null && Files.isDirectory(directory)) {
				roots.putIfAbsent(directory, new SourceRoot(directory, classDirectory));
			}
		}
		return List.copyOf(roots.values());
	}

	/**
	 * Return the source directory that a build tool compiles into a class directory,
	 * whether it exists or not.
	 * @param classDirectory a class directory
	 * @return its source directory, or {@code null} if the class directory does not
	 * follow a known layout
	 */
	public static @Nullable Path conventionalSourceDirectory(Path classDirectory) {
		Path directory = classDirectory.toAbsolutePath().normalize();
		String name = fileName(directory);
		Path parent = directory.getParent();
		if (parent == null) {
			return null;
		}
		if ("target".equals(fileName(parent)) && parent.getParent() != null) {
			Path module = parent.getParent();
			if ("classes".equals(name)) {
				return module.resolve("src/main/java");
			}
			if ("test-classes".equals(name)) {
				return module.resolve("src/test/java");
			}
			return null;
		}
		Path classes = parent.getParent();
		Path build = (classes != null) ? classes.getParent() : null;
		if ("java".equals(fileName(parent)) && classes != null && "classes".equals(fileName(classes)) && build != null
				&& "build".equals(fileName(build)) && build.getParent() != null) {
			return build.getParent().resolve("src").resolve(name).resolve("java");
		}
		return null;
	}

	private static @Nullable Path closestClassDirectory(Path sourceDirectory, List<Path> classDirectories) {
		Path closest = null;
		int longest = -1;
		for (Path classDirectory : classDirectories) {
			int shared = sharedNameCount(sourceDirectory, classDirectory.toAbsolutePath().normalize());
			if (shared > longest) {
				closest = classDirectory;
				longest = shared;
			}
		}
		return closest;
	}

	private static int sharedNameCount(Path first, Path second) {
		if (!Objects.equals(first.getRoot(), second.getRoot())) {
			return 0;
		}
		int count = 0;
		while (count < first.getNameCount() && count < second.getNameCount()
				&& first.getName(count).equals(second.getName(count))) {
			count++;
		}
		return count;
	}

	private static String fileName(Path path) {
		Path fileName = path.getFileName();
		return (fileName != null) ? fileName.toString() : "";
	}

}
