package dev.hotreload.classloading;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Converts between binary class names ({@code com.example.Outer$Inner}) and the paths of
 * their class files relative to a class directory
 * ({@code com/example/Outer$Inner.class}).
 */
public final class ClassFileNames {

	/** The file name suffix of a class file. */
	public static final String SUFFIX = ".class";

	private ClassFileNames() {
	}

	/**
	 * Return the path of a class's file relative to its class directory.
	 * @param className a binary class name
	 * @return the relative path, with {@code /} separators
	 */
	public static String toRelativePath(String className) {
		Assert.hasText(className, "'className' must not be empty");
		return toInternalName(className) + SUFFIX;
	}

	/**
	 * Return the class name of a class file.
	 * @param relativePath the file's path relative to its class directory, with {@code /}
	 * or {@code \} separators
	 * @return the binary class name, or {@code null} if the path is not a class file
	 */
	public static @Nullable String toClassName(String relativePath) {
		Assert.notNull(relativePath, "'relativePath' must not be null");
		if (!isClassFile(relativePath)) {
			return null;
		}
		return relativePath.substring(0, relativePath.length() - SUFFIX.length()).replace('\\', '.').replace('/', '.');
	}

	/**
	 * Return the internal name of a class, as class files spell it.
	 * @param className a binary class name
	 * @return the name with {@code /} instead of {@code .}
	 */
	public static String toInternalName(String className) {
		return className.replace('.', '/');
	}

	/**
	 * Tell whether a file name or path names a class file.
	 * @param name a file name or path
	 * @return whether it ends with {@code .class}
	 */
	public static boolean isClassFile(String name) {
		return name.endsWith(SUFFIX);
	}

}
