package dev.hotreload.classloading;

import org.jspecify.annotations.Nullable;

/**
 * A class loader that remembers the bytes it defined each class from, so that a class
 * file on disk can be compared with the class that actually runs rather than with the
 * file as it was at some later moment.
 */
public interface DefinedClassBytes {

	/**
	 * Return the bytes a class was defined from by this loader.
	 * @param className the binary name of the class
	 * @return the bytes, or {@code null} if this loader has not defined the class
	 */
	byte @Nullable [] definedBytes(String className);

	/**
	 * Return the bytes a class was defined from, if its loader remembers them.
	 * @param type the class
	 * @return the bytes, or {@code null} if its loader does not remember them
	 */
	static byte @Nullable [] of(Class<?> type) {
		return (type.getClassLoader() instanceof DefinedClassBytes loader) ? loader.definedBytes(type.getName()) : null;
	}

}
