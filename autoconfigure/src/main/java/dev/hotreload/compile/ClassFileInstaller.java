package dev.hotreload.compile;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.springframework.util.Assert;

/**
 * Writes compiled class files into their class directories, each atomically (a temporary
 * file in the same directory, then an atomic move), so that the class directory watcher
 * never reads half a file. A class file is written even when its bytes are already there:
 * the engine then finds the bytes of the live generation and does not reload.
 */
public final class ClassFileInstaller {

	private ClassFileInstaller() {
	}

	/**
	 * Write class files.
	 * @param classes the class files to write
	 * @throws IOException if a file cannot be written
	 */
	public static void install(List<CompiledClass> classes) throws IOException {
		Assert.notNull(classes, "'classes' must not be null");
		for (CompiledClass compiled : classes) {
			write(compiled.target(), compiled.bytes());
		}
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
