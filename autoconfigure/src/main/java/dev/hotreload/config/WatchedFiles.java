package dev.hotreload.config;

import java.nio.file.Path;

import dev.hotreload.classloading.ClassFileNames;

/**
 * What the watchers of the class directories report: class files, the configuration files
 * that Spring Boot loads from the class path, and message bundles.
 */
public final class WatchedFiles {

	private WatchedFiles() {
	}

	/**
	 * Tell whether a file in a class directory is watched.
	 * @param path the file
	 * @return whether it is a class file or a properties or YAML file (configuration,
	 * message bundles)
	 */
	public static boolean isWatched(Path path) {
		String name = path.toString();
		return ClassFileNames.isClassFile(name) || ConfigFiles.hasConfigFileName(path) || name.endsWith(".properties");
	}

}
