package dev.hotreload.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Finds Kotlin source directories, which source mode does not compile: the
 * {@code src/main/kotlin} next to a class directory's {@code src/main/java}, or a source
 * root that holds Kotlin files and no Java file.
 */
final class KotlinSources {

	private static final String KOTLIN_SUFFIX = ".kt";

	private static final String JAVA_SUFFIX = ".java";

	private KotlinSources() {
	}

	/**
	 * Return the Kotlin source directories of class directories or source roots.
	 * @param classDirectories the class directories
	 * @param roots the source roots that were found or named
	 * @return the Kotlin source directories, empty if there is none
	 */
	static List<Path> find(Collection<Path> classDirectories, List<SourceRoot> roots) {
		List<Path> found = new ArrayList<>();
		for (Path classDirectory : classDirectories) {
			Path javaDirectory = SourceRoots.conventionalSourceDirectory(classDirectory);
			Path kotlinDirectory = (javaDirectory != null) ? javaDirectory.resolveSibling("kotlin") : null;
			if (kotlinDirectory != null && Files.isDirectory(kotlinDirectory) && !found.contains(kotlinDirectory)) {
				found.add(kotlinDirectory);
			}
		}
		for (SourceRoot root : roots) {
			if (holds(root.directory(), KOTLIN_SUFFIX) && !holds(root.directory(), JAVA_SUFFIX)
					&& !found.contains(root.directory())) {
				found.add(root.directory());
			}
		}
		return found;
	}

	/**
	 * Tell whether source roots hold no Java file at all.
	 * @param roots the source roots
	 * @return whether none of them holds a {@code .java} file
	 */
	static boolean noJava(List<SourceRoot> roots) {
		return roots.stream().noneMatch((root) -> holds(root.directory(), JAVA_SUFFIX));
	}

	private static boolean holds(@Nullable Path directory, String suffix) {
		if (directory == null || !Files.isDirectory(directory)) {
			return false;
		}
		try (Stream<Path> files = Files.walk(directory)) {
			return files
				.anyMatch((file) -> file.getFileName().toString().endsWith(suffix) && Files.isRegularFile(file));
		}
		catch (IOException | UncheckedIOException ex) {
			return false;
		}
	}

}
