package dev.hotreload.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Remembers a checksum of the content of each watched file, so that a file rewritten with
 * the content it had is not taken for a change.
 */
final class ContentHashes {

	private final Map<Path, Long> hashes = new HashMap<>();

	void clear() {
		this.hashes.clear();
	}

	/**
	 * Remember the content of every file below a directory that the filter accepts.
	 * @param root the directory
	 * @param filter which files matter
	 */
	void record(Path root, Predicate<Path> filter) {
		try (Stream<Path> files = Files.walk(root)) {
			files.filter((path) -> Files.isRegularFile(path) && filter.test(path))
				.forEach((path) -> hash(path).ifPresent((hash) -> this.hashes.put(path, hash)));
		}
		catch (IOException | UncheckedIOException ex) {
			// A directory that cannot be read now only means its files count as changed
			// later.
		}
	}

	/**
	 * Tell whether a file changed since it was last seen, and remember its content.
	 * @param path the file
	 * @param deleted whether the file is gone
	 * @return whether the file is new, gone, unreadable or has other content
	 */
	boolean changed(Path path, boolean deleted) {
		if (deleted) {
			this.hashes.remove(path);
			return true;
		}
		OptionalLong hash = hash(path);
		if (hash.isEmpty()) {
			this.hashes.remove(path);
			return true;
		}
		Long previous = this.hashes.put(path, hash.getAsLong());
		return previous == null || previous != hash.getAsLong();
	}

	// Size and checksum together, so that a collision needs two files of the same length.
	private static OptionalLong hash(Path path) {
		try {
			byte[] content = Files.readAllBytes(path);
			CRC32C checksum = new CRC32C();
			checksum.update(content);
			return OptionalLong.of(((long) content.length << 32) ^ checksum.getValue());
		}
		catch (IOException ex) {
			return OptionalLong.empty();
		}
	}

}
