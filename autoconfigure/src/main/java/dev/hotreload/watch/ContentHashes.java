package dev.hotreload.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.jspecify.annotations.Nullable;

/**
 * Remembers a checksum of the content of each watched file, so that a file rewritten with
 * the content it had is not taken for a change. Files are read without any lock held; the
 * map is safe to use from the thread that starts the watcher and the one that delivers
 * its batches.
 */
final class ContentHashes {

	// File systems stamp modification times with the granularity of a clock tick or
	// worse: a file written this close to the baseline may carry an unchanged time.
	private static final Duration TIMESTAMP_GRANULARITY = Duration.ofSeconds(2);

	private final Map<Path, Entry> entries = new ConcurrentHashMap<>();

	private volatile Instant recordedAt = Instant.EPOCH;

	void clear() {
		this.entries.clear();
	}

	/**
	 * Remember the content of every file below a directory that the filter accepts.
	 * @param root the directory
	 * @param filter which files matter
	 */
	void record(Path root, Predicate<Path> filter) {
		this.recordedAt = Instant.now();
		try (Stream<Path> files = Files.walk(root)) {
			files.filter((path) -> Files.isRegularFile(path) && filter.test(path)).forEach((path) -> {
				Entry entry = entry(path);
				if (entry != null) {
					this.entries.put(path, entry);
				}
			});
		}
		catch (IOException | UncheckedIOException ex) {
			// A directory that cannot be read now only means its files count as changed
			// later.
		}
	}

	/**
	 * Return the files below a directory that may have changed since they were recorded:
	 * new files, files gone, and files whose size or modification time differs or is too
	 * recent to tell. Only file attributes are read; whether the content changed is for
	 * {@link #changed(Path, boolean)} to tell.
	 * @param root the directory
	 * @param filter which files matter
	 * @return the paths of the files that may have changed
	 */
	List<Path> possiblyChangedSinceRecorded(Path root, Predicate<Path> filter) {
		List<Path> changed = new ArrayList<>();
		Set<Path> present = new HashSet<>();
		FileTime recent = FileTime.from(this.recordedAt.minus(TIMESTAMP_GRANULARITY));
		try (Stream<Path> files = Files.walk(root)) {
			files.filter((path) -> Files.isRegularFile(path) && filter.test(path)).forEach((path) -> {
				present.add(path);
				Entry entry = this.entries.get(path);
				BasicFileAttributes attributes = attributes(path);
				if (entry == null || attributes == null || attributes.size() != entry.size()
						|| !attributes.lastModifiedTime().equals(entry.modified())
						|| attributes.lastModifiedTime().compareTo(recent) >= 0) {
					changed.add(path);
				}
			});
		}
		catch (IOException | UncheckedIOException ex) {
			return changed;
		}
		this.entries.keySet()
			.stream()
			.filter((path) -> path.startsWith(root) && !present.contains(path))
			.forEach(changed::add);
		return changed;
	}

	/**
	 * Tell whether a file's content is remembered: it existed when last seen.
	 * @param path the file
	 * @return whether the file is known
	 */
	boolean known(Path path) {
		return this.entries.containsKey(path);
	}

	/**
	 * Tell whether a file changed since it was last seen, and remember its content.
	 * @param path the file
	 * @param deleted whether the file is gone
	 * @return whether the file is new, gone, unreadable or has other content
	 */
	boolean changed(Path path, boolean deleted) {
		if (deleted) {
			this.entries.remove(path);
			return true;
		}
		Entry entry = entry(path);
		if (entry == null) {
			this.entries.remove(path);
			return true;
		}
		Entry previous = this.entries.put(path, entry);
		return previous == null || previous.hash() != entry.hash();
	}

	// The time is read before the content, so that a write during the read leaves a
	// time that differs from the one remembered.
	private static @Nullable Entry entry(Path path) {
		BasicFileAttributes attributes = attributes(path);
		OptionalLong hash = hash(path);
		if (attributes == null || hash.isEmpty()) {
			return null;
		}
		return new Entry(hash.getAsLong(), attributes.size(), attributes.lastModifiedTime());
	}

	private static @Nullable BasicFileAttributes attributes(Path path) {
		try {
			return Files.readAttributes(path, BasicFileAttributes.class);
		}
		catch (IOException ex) {
			return null;
		}
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

	private record Entry(long hash, long size, FileTime modified) {

	}

}
