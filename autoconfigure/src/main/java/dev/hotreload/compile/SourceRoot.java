package dev.hotreload.compile;

import java.nio.file.Path;

import org.springframework.util.Assert;

/**
 * A directory of Java sources and the class directory its sources compile into, such as
 * {@code src/main/java} and {@code target/classes}.
 *
 * @param directory the source directory, absolute and normalized
 * @param classDirectory the class directory, as the engine knows it
 */
public record SourceRoot(Path directory, Path classDirectory) {

	private static final String JAVA_SUFFIX = ".java";

	/**
	 * Create a source root.
	 * @param directory the source directory, absolute and normalized
	 * @param classDirectory the class directory, as the engine knows it
	 */
	public SourceRoot {
		Assert.notNull(directory, "'directory' must not be null");
		Assert.notNull(classDirectory, "'classDirectory' must not be null");
	}

	/**
	 * Return whether a source file lies below this root.
	 * @param source the source file's absolute path
	 * @return whether it belongs to this root
	 */
	public boolean contains(Path source) {
		return source.startsWith(this.directory);
	}

	/**
	 * Return the path of a source file relative to this root, with {@code /} separators,
	 * such as {@code com/example/Greeter.java}.
	 * @param source the source file's absolute path
	 * @return the relative path
	 */
	public String relativeName(Path source) {
		return this.directory.relativize(source).toString().replace('\\', '/');
	}

	/**
	 * Return the binary name of the top-level class a source file declares by its path,
	 * such as {@code com.example.Greeter} for {@code com/example/Greeter.java}.
	 * @param source the source file's absolute path
	 * @return the class name
	 */
	public String className(Path source) {
		String name = relativeName(source);
		if (name.endsWith(JAVA_SUFFIX)) {
			name = name.substring(0, name.length() - JAVA_SUFFIX.length());
		}
		return name.replace('/', '.');
	}

	/**
	 * Return whether a path names a Java source file of a class, and not an editor's lock
	 * or backup file (such as Emacs' {@code .#Greeter.java}) or a
	 * {@code package-info.java} or {@code module-info.java}.
	 * @param path a file's path
	 * @return whether it is the source file of a class
	 */
	public static boolean isClassSource(Path path) {
		Path fileName = path.getFileName();
		String name = (fileName != null) ? fileName.toString() : "";
		if (!name.endsWith(JAVA_SUFFIX) || name.length() == JAVA_SUFFIX.length()) {
			return false;
		}
		String simpleName = name.substring(0, name.length() - JAVA_SUFFIX.length());
		if (!Character.isJavaIdentifierStart(simpleName.charAt(0))) {
			return false;
		}
		return simpleName.chars().allMatch(Character::isJavaIdentifierPart);
	}

}
