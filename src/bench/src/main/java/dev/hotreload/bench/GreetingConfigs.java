package dev.hotreload.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.springframework.util.Assert;

/**
 * New versions of the sample's {@code application.properties}, each with a
 * {@code sample.greeting} of its own and otherwise unchanged, written into the class
 * directory the way an IDE copies a saved resource: next to it first, then moved in
 * atomically.
 */
final class GreetingConfigs {

	static final String FILE = "application.properties";

	static final String ORIGINAL = "sample.greeting=Hello from application.properties";

	private final String original;

	private final Path classDirectory;

	private final Path staging;

	GreetingConfigs(Path classDirectory) throws IOException {
		this.classDirectory = classDirectory;
		this.original = Files.readString(classDirectory.resolve(FILE));
		Assert.state(this.original.contains(ORIGINAL), () -> "No '" + ORIGINAL + "' in " + FILE);
		this.staging = Files
			.createDirectories(classDirectory.resolveSibling(classDirectory.getFileName() + "-staging"));
	}

	/**
	 * Return the greeting of a version.
	 * @param version the version, positive
	 * @return the greeting
	 */
	static String greeting(int version) {
		Assert.isTrue(version > 0, "'version' must be positive");
		return String.format(Locale.ROOT, "Greeting v%04d from application.properties", version);
	}

	/**
	 * Write a version into the class directory, atomically.
	 * @param version the version
	 * @return the nano time right after the move
	 * @throws IOException if the file cannot be written
	 */
	long install(int version) throws IOException {
		String content = this.original.replace(ORIGINAL, "sample.greeting=" + greeting(version));
		Path staged = Files.writeString(this.staging.resolve(FILE), content);
		GreetingVersions.moveIn(staged, this.classDirectory.resolve(FILE));
		return System.nanoTime();
	}

}
