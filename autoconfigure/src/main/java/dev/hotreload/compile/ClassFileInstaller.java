package dev.hotreload.compile;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.util.Assert;

/**
 * Writes compiled class files into their class directories, each atomically (a temporary
 * file in the same directory, then an atomic move), so that the class directory watcher
 * never reads half a file. A class file whose bytes are already there is not written
 * again.
 */
public final class ClassFileInstaller {

	private ClassFileInstaller() {
	}

	/**
	 * Write class files.
	 * @param classes the class files to write
	 * @return the class files that were written, that is those whose bytes changed
	 * @throws IOException if a file cannot be written
	 */
	public static List<CompiledClass> install(List<CompiledClass> classes) throws IOException {
		Assert.notNull(classes, "'classes' must not be null");
		List<CompiledClass> written = new ArrayList<>();
		for (CompiledClass compiled : classes) {
			Path target = compiled.target();
			if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), compiled.bytes())) {
				continue;
			}
			write(target, compiled.bytes());
			written.add(compiled);
		}
		return written;
	}

	private static void write(Path target, byte[] bytes) throws IOException {
		Path directory = Files.createDirectories(target.getParent());
		// The temporary name does not end with ".class", so watchers ignore it.
		Path temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
		try {
			Files.write(temporary, bytes);
			try {
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

}
