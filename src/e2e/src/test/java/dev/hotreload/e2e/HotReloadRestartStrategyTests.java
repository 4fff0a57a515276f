package dev.hotreload.e2e;

import java.io.File;
import java.nio.file.Path;

import dev.hotreload.classloading.ClassFileNames;
import dev.hotreload.config.ConfigFiles;
import dev.hotreload.refresh.devtools.HotReloadRestartStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.devtools.autoconfigure.DevToolsProperties;
import org.springframework.boot.devtools.classpath.PatternClassPathRestartStrategy;
import org.springframework.boot.devtools.filewatch.ChangedFile;
import org.springframework.boot.devtools.filewatch.ChangedFile.Type;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Next to DevTools (on this module's class path), DevTools restarts for no class file and
 * no configuration file that hot reload applies, and decides on every other file with its
 * own patterns.
 */
class HotReloadRestartStrategyTests {

	@TempDir
	Path classes;

	private HotReloadRestartStrategy strategy(boolean configuration) {
		Path root = this.classes.toAbsolutePath().normalize();
		return new HotReloadRestartStrategy(
				(file) -> file.startsWith(root) && (ClassFileNames.isClassFile(file.toString())
						|| (configuration && ConfigFiles.isConfigFile(root, file))),
				new PatternClassPathRestartStrategy(new DevToolsProperties().getRestart().getAllExclude()));
	}

	@Test
	void classAndConfigurationFilesOfTheClassDirectoryRestartNothing() {
		HotReloadRestartStrategy strategy = strategy(true);
		assertThat(strategy.isRestartRequired(changed("demo/Web.class"))).isFalse();
		assertThat(strategy.isRestartRequired(changed("application.properties"))).isFalse();
		assertThat(strategy.isRestartRequired(changed("application-dev.yml"))).isFalse();
		assertThat(strategy.isRestartRequired(changed("config/application.yaml"))).isFalse();
	}

	@Test
	void otherFilesAreDecidedByDevToolsPatterns() {
		HotReloadRestartStrategy strategy = strategy(true);
		// Not where Spring Boot loads configuration from.
		assertThat(strategy.isRestartRequired(changed("demo/application.properties"))).isTrue();
		assertThat(strategy.isRestartRequired(changed("META-INF/spring/demo.imports"))).isTrue();
		// DevTools' default excludes.
		assertThat(strategy.isRestartRequired(changed("templates/index.html"))).isFalse();
		assertThat(strategy.isRestartRequired(changed("static/app.css"))).isFalse();
	}

	@Test
	void withConfigurationChangesOffDevToolsRestartsForConfigurationFiles() {
		HotReloadRestartStrategy strategy = strategy(false);
		assertThat(strategy.isRestartRequired(changed("application.properties"))).isTrue();
		assertThat(strategy.isRestartRequired(changed("demo/Web.class"))).isFalse();
	}

	private ChangedFile changed(String relativeName) {
		File root = this.classes.toFile();
		return new ChangedFile(root, new File(root, relativeName), Type.MODIFY);
	}

}
