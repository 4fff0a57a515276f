package dev.hotreload.config;

import java.nio.file.Path;

import dev.hotreload.classloading.ClassFileNames;

/**
 * What the watchers of the class directories report: class files, and the configuration
 * files that Spring Boot loads from the class path.
 */
public final class WatchedFiles {

	private WatchedFiles() {
	}

	/**
	 * Tell whether a file in a class directory is watched.
	 * @param path the file
	 * @return whether it is a class file or has the name of a configuration file
	 */
	public static boolean isWatched(Path path) {
		return ClassFileNames.isClassFile(path.toString()) || ConfigFiles.hasConfigFileName(path);
	}

}
