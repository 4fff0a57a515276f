package dev.hotreload.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Writes compiled class files into their class directories, each atomically (a temporary
 * file in the same directory, then an atomic move), so that the class directory watcher
 * never reads half a file. A class file is written even when its bytes are already there:
 * the engine then finds the bytes of the live generation and does not reload. A file gets
 * the permissions of the class file it replaces, or else those of another class file in
 * its directory, or else those the build's own files get (read and write for the owner,
 * read for the others, less what the process' umask takes away).
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
		Path temporary = directory.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
		try {
			// Created as the build creates files, not with the private permissions of a
			// temporary file.
			Files.write(temporary, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
			Set<PosixFilePermission> permissions = permissionsToMatch(target);
			if (permissions != null) {
				Files.setPosixFilePermissions(temporary, permissions);
			}
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

	private static @Nullable Set<PosixFilePermission> permissionsToMatch(Path target) {
		if (Files.getFileAttributeView(target.getParent(), PosixFileAttributeView.class) == null) {
			return null;
		}
		Set<PosixFilePermission> permissions = permissionsOf(target);
		if (permissions != null) {
			return permissions;
		}
		try (Stream<Path> siblings = Files.list(target.getParent())) {
			return siblings.filter((file) -> file.getFileName().toString().endsWith(".class"))
				.filter(Files::isRegularFile)
				.findFirst()
				.map(ClassFileInstaller::permissionsOf)
				.orElse(null);
		}
		catch (IOException | UncheckedIOException ex) {
			return null;
		}
	}

	private static @Nullable Set<PosixFilePermission> permissionsOf(Path file) {
		try {
			return Files.isRegularFile(file) ? Files.getPosixFilePermissions(file) : null;
		}
		catch (IOException | UnsupportedOperationException ex) {
			return null;
		}
	}

}
