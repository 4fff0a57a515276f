package dev.hotreload.e2e;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.hotreload.refresh.devtools.HotReloadRestartStrategy;
import dev.hotreload.resources.MessageBundles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.devtools.autoconfigure.DevToolsProperties;
import org.springframework.boot.devtools.classpath.PatternClassPathRestartStrategy;
import org.springframework.boot.devtools.filewatch.ChangedFile;
import org.springframework.boot.devtools.filewatch.ChangedFile.Type;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

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
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("spring.messages.basename", "messages, i18n/labels",
					"spring.messages.cache-duration", "0s")));
		return HotReloadRestartStrategy.of(List.of(this.classes), configuration, MessageBundles.of(environment),
				new PatternClassPathRestartStrategy(new DevToolsProperties().getRestart().getAllExclude()));
	}

	@Test
	void messageBundlesThatTheMessageSourceReadsAgainRestartNothing() {
		HotReloadRestartStrategy strategy = strategy(true);
		assertThat(strategy.isRestartRequired(changed("messages.properties"))).isFalse();
		assertThat(strategy.isRestartRequired(changed("messages_de.properties"))).isFalse();
		assertThat(strategy.isRestartRequired(changed("i18n/labels_en_GB.properties"))).isFalse();
		assertThat(strategy.isRestartRequired(changed("other.properties"))).isTrue();
		StandardEnvironment cached = new StandardEnvironment();
		HotReloadRestartStrategy cachedMessages = HotReloadRestartStrategy.of(List.of(this.classes), true,
				MessageBundles.of(cached),
				new PatternClassPathRestartStrategy(new DevToolsProperties().getRestart().getAllExclude()));
		// Cached for good: only a restart shows an edit.
		assertThat(cachedMessages.isRestartRequired(changed("messages.properties"))).isTrue();
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
