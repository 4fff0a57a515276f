package dev.hotreload.watch;

import java.nio.file.Path;

import dev.hotreload.classloading.ClassFileNames;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A file that changed below a watched directory.
 *
 * @param root the watched directory
 * @param path the file's absolute path
 * @param deleted whether the file no longer exists once the changes settled
 */
public record ChangedFile(Path root, Path path, boolean deleted) {

	/**
	 * Create a changed file.
	 * @param root the watched directory
	 * @param path the file's absolute path
	 * @param deleted whether the file no longer exists once the changes settled
	 */
	public ChangedFile {
		Assert.notNull(root, "'root' must not be null");
		Assert.notNull(path, "'path' must not be null");
	}

	/**
	 * Return the file's path relative to the watched directory, with {@code /}
	 * separators.
	 * @return the relative path
	 */
	public String relativeName() {
		return this.root.relativize(this.path).toString().replace('\\', '/');
	}

	/**
	 * Return the binary name of the class this class file defines.
	 * @return the class name, or {@code null} if this is not a class file
	 */
	public @Nullable String className() {
		return ClassFileNames.toClassName(relativeName());
	}

}
