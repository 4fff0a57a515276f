package dev.hotreload.restart.devtools;

import java.util.function.Predicate;

import org.springframework.boot.devtools.classpath.ClassPathRestartStrategy;
import org.springframework.boot.devtools.filewatch.ChangedFile;
import org.springframework.util.Assert;

/**
 * Tells DevTools not to restart for a class file that hot reload applies, and defers to
 * DevTools' own patterns ({@code spring.devtools.restart.exclude} and
 * {@code additional-exclude}) for every other file.
 */
public final class HotReloadRestartStrategy implements ClassPathRestartStrategy {

	private static final String CLASS_SUFFIX = ".class";

	private final Predicate<String> hotReloadable;

	private final ClassPathRestartStrategy patterns;

	/**
	 * Create a strategy.
	 * @param hotReloadable tells, by binary class name, the classes that hot reload
	 * applies
	 * @param patterns the strategy of DevTools' own patterns, for the other files
	 */
	public HotReloadRestartStrategy(Predicate<String> hotReloadable, ClassPathRestartStrategy patterns) {
		Assert.notNull(hotReloadable, "'hotReloadable' must not be null");
		Assert.notNull(patterns, "'patterns' must not be null");
		this.hotReloadable = hotReloadable;
		this.patterns = patterns;
	}

	@Override
	public boolean isRestartRequired(ChangedFile file) {
		String name = file.getRelativeName();
		if (file.getType() != ChangedFile.Type.DELETE && name.endsWith(CLASS_SUFFIX)
				&& this.hotReloadable.test(className(name))) {
			return false;
		}
		return this.patterns.isRestartRequired(file);
	}

	private static String className(String relativeName) {
		return relativeName.substring(0, relativeName.length() - CLASS_SUFFIX.length()).replace('/', '.');
	}

}
