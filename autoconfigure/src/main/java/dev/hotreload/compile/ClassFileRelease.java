package dev.hotreload.compile;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

import org.springframework.util.Assert;

/**
 * The Java release that the class files of a class directory were compiled for, read from
 * the major version of a class file, so that changed sources compile for the same release
 * as the build did ({@code --release}).
 */
public final class ClassFileRelease {

	private static final int MAGIC = 0xCAFEBABE;

	// Major version 52 is Java 8, 61 is Java 17: each release adds one.
	private static final int MAJOR_VERSION_OFFSET = 44;

	private ClassFileRelease() {
	}

	/**
	 * Detect the release of the class files in a class directory, from the first class
	 * file found.
	 * @param classDirectory the class directory
	 * @return the release, such as 17, or empty if the directory holds no readable class
	 * file
	 */
	public static OptionalInt detect(Path classDirectory) {
		Assert.notNull(classDirectory, "'classDirectory' must not be null");
		if (!Files.isDirectory(classDirectory)) {
			return OptionalInt.empty();
		}
		try (Stream<Path> files = Files.walk(classDirectory)) {
			Optional<Path> classFile = files
				.filter((file) -> file.getFileName().toString().endsWith(".class") && Files.isRegularFile(file))
				.findFirst();
			return classFile.isPresent() ? of(classFile.get()) : OptionalInt.empty();
		}
		catch (IOException | UncheckedIOException ex) {
			return OptionalInt.empty();
		}
	}

	/**
	 * Read the release of one class file.
	 * @param classFile the class file
	 * @return the release, or empty if the file is not a class file
	 * @throws IOException if the file cannot be read
	 */
	public static OptionalInt of(Path classFile) throws IOException {
		try (InputStream input = Files.newInputStream(classFile); DataInputStream data = new DataInputStream(input)) {
			if (data.readInt() != MAGIC) {
				return OptionalInt.empty();
			}
			data.readUnsignedShort();
			return OptionalInt.of(releaseOf(data.readUnsignedShort()));
		}
		catch (EOFException ex) {
			return OptionalInt.empty();
		}
	}

	/**
	 * Return the release of a class file major version.
	 * @param majorVersion the major version, such as 61
	 * @return the release, such as 17
	 */
	public static int releaseOf(int majorVersion) {
		return majorVersion - MAJOR_VERSION_OFFSET;
	}

}
