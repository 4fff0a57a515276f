package dev.hotreload.refresh.devtools;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

import dev.hotreload.classloading.ClassFileNames;
import dev.hotreload.config.ConfigFiles;
import dev.hotreload.resources.MessageBundles;

import org.springframework.boot.devtools.classpath.ClassPathRestartStrategy;
import org.springframework.boot.devtools.filewatch.ChangedFile;
import org.springframework.util.Assert;

/**
 * Tells DevTools not to restart for a class file that hot reload decides on, and defers
 * to DevTools' own patterns ({@code spring.devtools.restart.exclude} and
 * {@code additional-exclude}) for every other file. Hot reload decides on every class
 * file of its class directories: it reloads, redefines in place, or restarts through
 * DevTools' restarter when only a full refresh can apply the change, so that DevTools
 * never restarts for a change that hot reload applies.
 */
public final class HotReloadRestartStrategy implements ClassPathRestartStrategy {

	private final Predicate<Path> decidedByHotReload;

	private final ClassPathRestartStrategy patterns;

	/**
	 * Create a strategy.
	 * @param decidedByHotReload tells, by the absolute path of a file, the files that hot
	 * reload decides on: class files, and configuration files when it applies them
	 * @param patterns the strategy of DevTools' own patterns, for the other files
	 */
	public HotReloadRestartStrategy(Predicate<Path> decidedByHotReload, ClassPathRestartStrategy patterns) {
		Assert.notNull(decidedByHotReload, "'decidedByHotReload' must not be null");
		Assert.notNull(patterns, "'patterns' must not be null");
		this.decidedByHotReload = decidedByHotReload;
		this.patterns = patterns;
	}

	/**
	 * Create the strategy for the class directories that hot reload watches: it decides
	 * on their class files, on their configuration files when it applies them, and on the
	 * files of message bundles that the message source reads again.
	 * @param classDirectories the class directories
	 * @param configuration whether hot reload applies changed configuration files
	 * @param messages the application's message bundles
	 * @param patterns the strategy of DevTools' own patterns, for the other files
	 * @return the strategy
	 */
	public static HotReloadRestartStrategy of(Collection<Path> classDirectories, boolean configuration,
			MessageBundles messages, ClassPathRestartStrategy patterns) {
		List<Path> roots = classDirectories.stream()
			.map((directory) -> directory.toAbsolutePath().normalize())
			.toList();
		return new HotReloadRestartStrategy((file) -> roots.stream()
			.anyMatch((root) -> file.startsWith(root) && (ClassFileNames.isClassFile(file.toString())
					|| (configuration && ConfigFiles.isConfigFile(root, file))
					|| messages.isReloadedBundle(root, file))),
				patterns);
	}

	@Override
	public boolean isRestartRequired(ChangedFile file) {
		if (this.decidedByHotReload.test(file.getFile().toPath().toAbsolutePath().normalize())) {
			return false;
		}
		return this.patterns.isRestartRequired(file);
	}

}
