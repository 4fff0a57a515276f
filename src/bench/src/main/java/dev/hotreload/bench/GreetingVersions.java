package dev.hotreload.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.util.Assert;

/**
 * New versions of the sample's {@code VisitCounter} class file, each greeting visitors in
 * words of its own, written into the class directory the way a build writes a finished
 * file: next to it first, then moved in atomically. A version differs from the compiled
 * class only in the greeting's constant, replaced by one of the same length, so it is as
 * valid as what javac writes for that edit and needs no compiler run per version.
 */
final class GreetingVersions {

	static final String CLASS_FILE = "dev/hotreload/sample/VisitCounter.class";

	static final String ORIGINAL = "Hello, visitor #";

	private final byte[] original;

	private final int offset;

	private final Path classDirectory;

	private final Path staging;

	GreetingVersions(Path classDirectory) throws IOException {
		this.classDirectory = classDirectory;
		this.original = Files.readAllBytes(classDirectory.resolve(CLASS_FILE));
		this.offset = indexOf(this.original, ORIGINAL.getBytes(StandardCharsets.UTF_8));
		Assert.state(this.offset >= 0, () -> "No '" + ORIGINAL + "' in " + CLASS_FILE);
		this.staging = Files
			.createDirectories(classDirectory.resolveSibling(classDirectory.getFileName() + "-staging"));
	}

	/**
	 * Return the greeting of a version.
	 * @param version the version, from 1 to 9999
	 * @return the greeting, as long as the original one
	 */
	static String greeting(int version) {
		Assert.isTrue(version > 0 && version < 10_000, "'version' must be between 1 and 9999");
		String greeting = String.format(Locale.ROOT, "v%04d, visitor #", version);
		Assert.state(greeting.length() == ORIGINAL.length(), "A greeting keeps the original's length");
		return greeting;
	}

	/**
	 * Write a version into the class directory, atomically.
	 * @param version the version
	 * @return the nano time right after the move
	 * @throws IOException if the file cannot be written
	 */
	long install(int version) throws IOException {
		Path staged = stage(version);
		long start = System.nanoTime();
		moveIn(staged, this.classDirectory.resolve(CLASS_FILE));
		return start;
	}

	/**
	 * Write a version next to the class directory, ready to be moved in.
	 * @param version the version
	 * @return the staged file
	 * @throws IOException if the file cannot be written
	 */
	Path stage(int version) throws IOException {
		byte[] bytes = Arrays.copyOf(this.original, this.original.length);
		byte[] greeting = greeting(version).getBytes(StandardCharsets.UTF_8);
		System.arraycopy(greeting, 0, bytes, this.offset, greeting.length);
		return Files.write(this.staging.resolve("VisitCounter.class"), bytes);
	}

	/**
	 * Return the class directory the versions go into.
	 * @return the class directory
	 */
	Path classDirectory() {
		return this.classDirectory;
	}

	/**
	 * Return the directory next to the class directory where versions are written first.
	 * @return the staging directory
	 */
	Path staging() {
		return this.staging;
	}

	/**
	 * Move a staged file into the class directory in one step, as a build does, so that
	 * the watcher never sees it half-written.
	 * @param staged the staged file
	 * @param target its place in the class directory
	 * @throws IOException if the file cannot be moved
	 */
	static void moveIn(Path staged, Path target) throws IOException {
		Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	private static int indexOf(byte[] bytes, byte[] part) {
		int found = -1;
		for (int i = 0; i <= bytes.length - part.length; i++) {
			if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
				Assert.state(found < 0, "The greeting occurs more than once");
				found = i;
			}
		}
		return found;
	}

}
