package dev.hotreload.resources;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Tells the files of the application's message bundles ({@code spring.messages.basename},
 * {@code messages} unless set): {@code messages.properties} and
 * {@code messages_<locale>.properties}. While the message source checks them for changes
 * ({@code spring.messages.cache-duration} set, as hot reload's development defaults do),
 * an edit applies at the next message, with no restart.
 */
public final class MessageBundles {

	private final List<String> basenames;

	private final boolean reloaded;

	private MessageBundles(List<String> basenames, boolean reloaded) {
		this.basenames = basenames;
		this.reloaded = reloaded;
	}

	/**
	 * Read the message bundles of an application.
	 * @param environment the application's environment
	 * @return its message bundles
	 */
	public static MessageBundles of(Environment environment) {
		String basename = environment.getProperty("spring.messages.basename", "messages");
		List<String> basenames = Arrays.stream(StringUtils.commaDelimitedListToStringArray(basename))
			.map(String::trim)
			.map((name) -> name.startsWith("classpath:") ? name.substring("classpath:".length()) : name)
			.map((name) -> StringUtils.trimLeadingCharacter(name.replace('.', '/'), '/'))
			.filter(StringUtils::hasText)
			.toList();
		return new MessageBundles(basenames, environment.containsProperty("spring.messages.cache-duration"));
	}

	/**
	 * Tell whether a file of a class directory is one of the message bundles, and the
	 * message source reads it again when it changes.
	 * @param root the class directory
	 * @param file the file
	 * @return whether an edit of it applies without a restart
	 */
	public boolean isReloadedBundle(Path root, Path file) {
		return this.reloaded && isBundle(root, file);
	}

	/**
	 * Tell whether a file of a class directory is one of the message bundles.
	 * @param root the class directory
	 * @param file the file
	 * @return whether it is a bundle of {@code spring.messages.basename}
	 */
	public boolean isBundle(Path root, Path file) {
		if (!file.startsWith(root)) {
			return false;
		}
		String relative = StringUtils.cleanPath(root.relativize(file).toString());
		if (!relative.endsWith(".properties")) {
			return false;
		}
		String name = relative.substring(0, relative.length() - ".properties".length());
		return this.basenames.stream().anyMatch((basename) -> name.equals(basename) || name.startsWith(basename + "_"));
	}

}
