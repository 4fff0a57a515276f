package dev.hotreload.compile;

import java.nio.file.Path;

import dev.hotreload.classloading.ClassFileNames;

import org.springframework.util.Assert;

/**
 * The bytes of one class file that a compilation produced, and the class directory it
 * belongs in.
 *
 * @param className the binary name of the class
 * @param classDirectory the class directory to write it into
 * @param bytes the class file's content
 */
public record CompiledClass(String className, Path classDirectory, byte[] bytes) {

	/**
	 * Create a compiled class.
	 * @param className the binary name of the class
	 * @param classDirectory the class directory to write it into
	 * @param bytes the class file's content
	 */
	public CompiledClass {
		Assert.hasText(className, "'className' must not be empty");
		Assert.notNull(classDirectory, "'classDirectory' must not be null");
		Assert.notNull(bytes, "'bytes' must not be null");
	}

	/**
	 * Return where the class file goes.
	 * @return the class file's path in its class directory
	 */
	public Path target() {
		return this.classDirectory.resolve(ClassFileNames.toRelativePath(this.className));
	}

}
