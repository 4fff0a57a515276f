package dev.hotreload.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hotreload.watch.ChangedFile;
import dev.hotreload.watch.ChangedFiles;
import dev.hotreload.watch.FileChangeListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * In source mode, copies each file saved under a resource directory
 * ({@code src/main/resources}) into the class directory of its module, as Maven's
 * {@code process-resources} does (without filtering), and deletes the copy of a deleted
 * one. From there the class directory's watcher and the application take it: a
 * configuration file is applied, a template or a static file is served at the next
 * request.
 */
final class ResourceCopier implements FileChangeListener {

	private static final Log logger = LogFactory.getLog(ResourceCopier.class);

	private final Map<Path, Path> classDirectories;

	private ResourceCopier(Map<Path, Path> classDirectories) {
		this.classDirectories = classDirectories;
	}

	/**
	 * Find the resource directories next to the source roots: {@code src/main/resources}
	 * next to {@code src/main/java}.
	 * @param roots the source roots
	 * @return the copier, which knows the class directory of each resource directory
	 */
	static ResourceCopier of(List<SourceRoot> roots) {
		Map<Path, Path> classDirectories = new LinkedHashMap<>();
		for (SourceRoot root : roots) {
			Path resources = resourceDirectory(root.directory());
			if (resources != null && Files.isDirectory(resources)) {
				classDirectories.putIfAbsent(resources, root.classDirectory());
			}
		}
		return new ResourceCopier(classDirectories);
	}

	private static @Nullable Path resourceDirectory(Path sourceDirectory) {
		Path name = sourceDirectory.getFileName();
		Path parent = sourceDirectory.getParent();
		if (name == null || parent == null || !name.toString().equals("java")) {
			return null;
		}
		return parent.resolve("resources");
	}

	/**
	 * Return the resource directories to watch.
	 * @return the directories
	 */
	List<Path> directories() {
		return List.copyOf(this.classDirectories.keySet());
	}

	/**
	 * Tell whether a file in a resource directory is copied: not a file that an editor
	 * writes beside the one it saves.
	 * @param path the file
	 * @return whether it is copied
	 */
	static boolean isResource(Path path) {
		Path fileName = path.getFileName();
		String name = (fileName != null) ? fileName.toString() : "";
		return !name.isEmpty() && !name.startsWith(".") && !name.endsWith("~") && !name.endsWith(".swp")
				&& !name.endsWith(".tmp");
	}

	@Override
	public void onChange(ChangedFiles changes) {
		List<String> copied = new ArrayList<>();
		List<String> deleted = new ArrayList<>();
		for (ChangedFile file : changes.files()) {
			Path classDirectory = this.classDirectories.get(file.root());
			if (classDirectory == null) {
				continue;
			}
			Path target = classDirectory.resolve(file.root().relativize(file.path()).toString());
			try {
				if (file.deleted()) {
					if (Files.deleteIfExists(target)) {
						deleted.add(file.relativeName());
					}
				}
				else if (Files.isRegularFile(file.path())) {
					copy(file.path(), target);
					copied.add(file.relativeName());
				}
			}
			catch (IOException ex) {
				logger.warn("Cannot copy the resource " + file.relativeName() + " into " + classDirectory + ": " + ex);
			}
		}
		if (!copied.isEmpty() || !deleted.isEmpty()) {
			logger.info("Copied " + copied.size() + " resource(s) into the class directory, without filtering"
					+ (copied.isEmpty() ? "" : ": " + copied)
					+ (deleted.isEmpty() ? "" : "; deleted the copies of " + deleted));
		}
	}

	// Moved in whole, so that the application never reads a half-written copy.
	private static void copy(Path source, Path target) throws IOException {
		Path directory = Files.createDirectories(target.toAbsolutePath().getParent());
		Path temporary = Files.createTempFile(directory, ".hotreload-", ".tmp");
		try {
			Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

}
