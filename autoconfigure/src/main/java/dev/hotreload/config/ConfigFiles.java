package dev.hotreload.config;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Tells the configuration files that Spring Boot loads from the class path:
 * {@code application.properties}, {@code application-<profile>.properties} and their
 * {@code .yml} and {@code .yaml} forms, at the root of a class directory or in its
 * {@code config} directory.
 */
public final class ConfigFiles {

	private static final Pattern NAME = Pattern.compile("application(-[^./\\\\]+)?\\.(properties|ya?ml)");

	private ConfigFiles() {
	}

	/**
	 * Tell whether a file has the name of a configuration file, wherever it is.
	 * @param path the file
	 * @return whether its name is that of a configuration file
	 */
	public static boolean hasConfigFileName(Path path) {
		Path name = path.getFileName();
		return name != null && NAME.matcher(name.toString()).matches();
	}

	/**
	 * Tell whether a file is a configuration file that Spring Boot loads from a class
	 * directory.
	 * @param root the class directory
	 * @param path the file
	 * @return whether Spring Boot loads it
	 */
	public static boolean isConfigFile(Path root, Path path) {
		if (!hasConfigFileName(path) || !path.startsWith(root)) {
			return false;
		}
		Path relative = root.relativize(path);
		return relative.getNameCount() == 1
				|| (relative.getNameCount() == 2 && relative.getName(0).toString().equals("config"));
	}

}
