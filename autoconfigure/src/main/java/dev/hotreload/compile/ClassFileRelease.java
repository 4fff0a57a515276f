package dev.hotreload.compile;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.springframework.util.Assert;

/**
 * The Java release that class files were compiled for, read from their major version, so
 * that changed sources compile for the same release as the build did ({@code --release}).
 * See {@link #choose(Path, Collection, int)} for how one stray class file compiled for
 * another release is kept from deciding.
 */
public final class ClassFileRelease {

	private static final int MAGIC = 0xCAFEBABE;

	// Major version 52 is Java 8, 61 is Java 17: each release adds one.
	private static final int MAJOR_VERSION_OFFSET = 44;

	// Enough class files to outvote a few strays, few enough to read at once.
	private static final int SAMPLE_SIZE = 200;

	private ClassFileRelease() {
	}

	/**
	 * Choose the release to compile a batch of sources for. It is the release most of the
	 * batch's own class files in the class directory have, which the build compiled from
	 * these very sources; when none of them exists yet (new sources), the release most
	 * class files of the class directory have; and never above the running Java's own
	 * release, whose JVM could not load the result.
	 * @param classDirectory the class directory the batch compiles into
	 * @param classNames the binary names of the top-level classes the batch's files
	 * declare by their paths
	 * @param runtimeRelease the release of the running Java, such as 17
	 * @return the release, or empty if no class file tells
	 */
	public static OptionalInt choose(Path classDirectory, Collection<String> classNames, int runtimeRelease) {
		Assert.notNull(classDirectory, "'classDirectory' must not be null");
		Assert.notNull(classNames, "'classNames' must not be null");
		List<Path> ownClassFiles = classNames.stream()
			.map((className) -> classDirectory.resolve(className.replace('.', '/') + ".class"))
			.filter(Files::isRegularFile)
			.toList();
		OptionalInt release = mostCommon(ownClassFiles);
		if (release.isEmpty()) {
			release = mostCommon(sample(classDirectory));
		}
		if (release.isPresent() && release.getAsInt() > runtimeRelease) {
			return OptionalInt.of(runtimeRelease);
		}
		return release;
	}

	private static List<Path> sample(Path classDirectory) {
		if (!Files.isDirectory(classDirectory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(classDirectory)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".class") && Files.isRegularFile(file))
				.limit(SAMPLE_SIZE)
				.toList();
		}
		catch (IOException | UncheckedIOException ex) {
			return List.of();
		}
	}

	// The most common release; on a tie, the lower one, which more JVMs can load.
	private static OptionalInt mostCommon(List<Path> classFiles) {
		Map<Integer, Integer> counts = new TreeMap<>();
		for (Path classFile : classFiles) {
			try {
				of(classFile).ifPresent((release) -> counts.merge(release, 1, Integer::sum));
			}
			catch (IOException ex) {
				// An unreadable class file has no say.
			}
		}
		return counts.entrySet()
			.stream()
			.max(Comparator.comparingInt(Map.Entry<Integer, Integer>::getValue)
				.thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
			.map((entry) -> OptionalInt.of(entry.getKey()))
			.orElse(OptionalInt.empty());
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
