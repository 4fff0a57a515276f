package dev.hotreload.classloading;

import org.jspecify.annotations.Nullable;

/**
 * A class loader that remembers the bytes it defined each class from, so that a class
 * file on disk can be compared with the class that actually runs rather than with the
 * file as it was at some later moment, and the classes it failed to define.
 */
public interface DefinedClassBytes {

	/**
	 * Return the bytes a class was defined from by this loader.
	 * @param className the binary name of the class
	 * @return the bytes, or {@code null} if this loader has not defined the class
	 */
	byte @Nullable [] definedBytes(String className);

	/**
	 * Return why this loader failed to define a class, such as a class file compiled for
	 * a newer Java. The JVM keeps such a failure for every class that referred to the
	 * failed one, so a valid class file written later is not used by them until their own
	 * classes are loaded anew.
	 * @param className the binary name of the class
	 * @return the failure, such as {@code UnsupportedClassVersionError: ...}, or
	 * {@code null} if this loader did not fail to define the class
	 */
	default @Nullable String definitionFailure(String className) {
		return null;
	}

	/**
	 * Return the bytes a class was defined from, if its loader remembers them.
	 * @param type the class
	 * @return the bytes, or {@code null} if its loader does not remember them
	 */
	static byte @Nullable [] of(Class<?> type) {
		return (type.getClassLoader() instanceof DefinedClassBytes loader) ? loader.definedBytes(type.getName()) : null;
	}

}
