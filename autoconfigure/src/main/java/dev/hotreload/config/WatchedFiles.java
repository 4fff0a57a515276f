package dev.hotreload.config;

import java.nio.file.Path;

import dev.hotreload.classloading.ClassFileNames;

/**
 * What the watchers of the class directories report: class files, the configuration files
 * that Spring Boot loads from the class path, message bundles, templates and static
 * files, and the files that register auto-configurations.
 */
public final class WatchedFiles {

	private static final java.util.List<String> WEB_DIRECTORIES = java.util.List.of("/templates/", "/static/",
			"/public/", "/resources/", "/META-INF/resources/");

	private WatchedFiles() {
	}

	/**
	 * Tell whether a file in a class directory is watched.
	 * @param path the file
	 * @return whether it is a class file, a properties or YAML file (configuration,
	 * message bundles), a web resource, or a file Spring reads once at startup
	 */
	public static boolean isWatched(Path path) {
		String name = path.toString();
		return ClassFileNames.isClassFile(name) || ConfigFiles.hasConfigFileName(path) || name.endsWith(".properties")
				|| isWebResource(path) || isStartupResource(name);
	}

	/**
	 * Tell whether a file, by its name relative to its class directory or absolute, is
	 * one that Spring reads once, at startup: {@code META-INF/spring.factories} or a file
	 * under {@code META-INF/spring/}.
	 * @param name the file's name
	 * @return whether only a refresh applies a change of it
	 */
	public static boolean isStartupResource(String name) {
		String path = "/" + name.replace('\\', '/');
		String fileName = path.substring(path.lastIndexOf('/') + 1);
		// Not the files an editor or a build writes beside the one it saves.
		if (fileName.isEmpty() || fileName.startsWith(".") || fileName.endsWith("~") || fileName.endsWith(".tmp")
				|| fileName.endsWith(".swp")) {
			return false;
		}
		return path.endsWith("/META-INF/spring.factories") || path.contains("/META-INF/spring/");
	}

	/**
	 * Tell whether a file is a template or a static file that a page shows, by the
	 * directories Spring Boot serves and renders them from.
	 * @param path the file
	 * @return whether it lies under {@code templates}, {@code static}, {@code public},
	 * {@code resources} or {@code META-INF/resources}
	 */
	public static boolean isWebResource(Path path) {
		return isWebResource(path.toString());
	}

	/**
	 * Tell whether a file, by its name relative to its class directory or absolute, is a
	 * template or a static file.
	 * @param name the file's name
	 * @return whether it lies under one of the directories of web resources
	 */
	public static boolean isWebResource(String name) {
		String path = "/" + name.replace('\\', '/');
		return WEB_DIRECTORIES.stream().anyMatch(path::contains);
	}

}
