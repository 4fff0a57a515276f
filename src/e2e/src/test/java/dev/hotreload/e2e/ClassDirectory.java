package dev.hotreload.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A class directory that a running application loads from, written the ways tools write
 * class files: an IDE's atomic rename, an in-place rewrite, and a build that deletes
 * every class file of the module and writes them all again a moment later, where only the
 * edited ones differ.
 */
final class ClassDirectory {

	private final Path root;

	// What each class file holds now, as a rebuild writes it back.
	private final Map<Path, byte[]> contents = new TreeMap<>();

	private ClassDirectory(Path root) {
		this.root = root;
	}

	/**
	 * Take a directory as it is now.
	 * @param root the class directory
	 * @return the directory
	 * @throws IOException if its class files cannot be read
	 */
	static ClassDirectory of(Path root) throws IOException {
		ClassDirectory directory = new ClassDirectory(root);
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".class")).toList()) {
				directory.contents.put(file, Files.readAllBytes(file));
			}
		}
		return directory;
	}

	/**
	 * Write a new class file.
	 * @param className the binary name of its class
	 * @param bytes its content
	 * @param mode how it is written
	 * @param rebuildGapMillis for {@link Mode#REBUILD}, how long the module's class files
	 * stay deleted
	 * @throws IOException if it cannot be written
	 * @throws InterruptedException if interrupted during the gap of a rebuild
	 */
	void write(String className, byte[] bytes, Mode mode, int rebuildGapMillis)
			throws IOException, InterruptedException {
		Path file = this.root.resolve(className.replace('.', '/') + ".class");
		this.contents.put(file, bytes);
		switch (mode) {
			case ATOMIC -> {
				Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
				Files.write(temporary, bytes);
				Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			case IN_PLACE -> Files.write(file, bytes);
			case REBUILD -> {
				for (Path existing : this.contents.keySet()) {
					Files.deleteIfExists(existing);
				}
				// The time a build takes to compile the module; its output is gone
				// meanwhile. Part of the simulated build, not a wait for a result.
				TimeUnit.MILLISECONDS.sleep(rebuildGapMillis);
				for (Map.Entry<Path, byte[]> content : this.contents.entrySet()) {
					Files.write(content.getKey(), content.getValue());
				}
			}
		}
	}

	/**
	 * How a class file is written.
	 */
	enum Mode {

		/** Written to a temporary file in the same directory, then renamed atomically. */
		ATOMIC,

		/** Rewritten in place, over the existing file. */
		IN_PLACE,

		/**
		 * Every class file of the module deleted, then all written again after a gap, as
		 * {@code mvn compile} with incremental compilation does.
		 */
		REBUILD

	}

}
