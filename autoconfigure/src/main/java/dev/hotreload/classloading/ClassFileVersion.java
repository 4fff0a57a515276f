package dev.hotreload.classloading;

import java.util.Locale;

import org.springframework.util.Assert;

/**
 * Checks that a class file's version is one the running JVM reads, so that a file
 * compiled for a newer Java fails with a message that names both versions and the fix,
 * instead of the JVM's bare {@link UnsupportedClassVersionError}.
 */
public final class ClassFileVersion {

	private static final int MAGIC = 0xCAFEBABE;

	// Major version 45 is Java 1.1, 52 is Java 8, 61 is Java 17: each release adds one.
	private static final int MAJOR_VERSION_OF_JAVA_0 = 44;

	private static final int HEADER_LENGTH = 8;

	private ClassFileVersion() {
	}

	/**
	 * Check the version of a class file against the running JVM.
	 * @param fileName the file's name to report, such as {@code demo/Helper.class}
	 * @param bytes the bytes of the class file
	 * @throws UnsupportedClassVersionError if the file was compiled for a newer Java than
	 * the one that runs
	 */
	public static void check(String fileName, byte[] bytes) {
		check(fileName, bytes, Runtime.version().feature());
	}

	static void check(String fileName, byte[] bytes, int runtimeRelease) {
		Assert.notNull(fileName, "'fileName' must not be null");
		Assert.notNull(bytes, "'bytes' must not be null");
		// Anything shorter or without the magic number is left to the parser to report.
		if (bytes.length < HEADER_LENGTH || readInt(bytes, 0) != MAGIC) {
			return;
		}
		int minor = readUnsignedShort(bytes, 4);
		int major = readUnsignedShort(bytes, 6);
		int supported = MAJOR_VERSION_OF_JAVA_0 + runtimeRelease;
		if (major > supported) {
			throw new UnsupportedClassVersionError(String.format(Locale.ROOT,
					"%s was compiled for Java %d (class file version %d.%d); this JVM runs Java %d and reads up to "
							+ "version %d: compile with --release %d",
					fileName, major - MAJOR_VERSION_OF_JAVA_0, major, minor, runtimeRelease, supported,
					runtimeRelease));
		}
	}

	private static int readInt(byte[] bytes, int offset) {
		return (readUnsignedShort(bytes, offset) << 16) | readUnsignedShort(bytes, offset + 2);
	}

	private static int readUnsignedShort(byte[] bytes, int offset) {
		return ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
	}

}
