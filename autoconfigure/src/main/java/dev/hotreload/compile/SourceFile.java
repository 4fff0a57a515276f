package dev.hotreload.compile;

import java.nio.file.Path;

import org.springframework.util.Assert;

/**
 * A Java source file of a {@link SourceRoot}.
 *
 * @param root the source root the file belongs to
 * @param path the file's absolute path
 */
public record SourceFile(SourceRoot root, Path path) {

	/**
	 * Create a source file.
	 * @param root the source root the file belongs to
	 * @param path the file's absolute path
	 */
	public SourceFile {
		Assert.notNull(root, "'root' must not be null");
		Assert.notNull(path, "'path' must not be null");
	}

	/**
	 * Return the file's path relative to its source root, such as
	 * {@code com/example/Greeter.java}.
	 * @return the relative path
	 */
	public String relativeName() {
		return this.root.relativeName(this.path);
	}

	/**
	 * Return the binary name of the top-level class the file declares by its path.
	 * @return the class name
	 */
	public String className() {
		return this.root.className(this.path);
	}

}
