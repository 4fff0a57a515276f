package dev.hotreload.refresh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Category;
import dev.hotreload.ReloadRecord.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A changed configuration file that flips the outcome of a {@code @ConditionalOnProperty}
 * of the project, on a class or on a {@code @Bean} method, goes to one full refresh that
 * names the condition, and the state of the reloadable beans is kept; a change of a key a
 * condition names that keeps its outcome is applied hot.
 */
class PropertyConditionChangeTests {

	private static final String FEATURE_CONFIG = """
			package demo;
			@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
			@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(
					name = { "app.feature.enabled", "app.feature.mode" })
			public class FeatureConfig {
				@org.springframework.context.annotation.Bean
				Feature feature() {
					return new Feature("feature");
				}
			}
			""";

	private static final String EXTRAS_CONFIG = """
			package demo;
			@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
			public class ExtrasConfig {
				@org.springframework.context.annotation.Bean
				@org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty("app.extra.enabled")
				Feature extra() {
					return new Feature("extra");
				}
			}
			""";

	private static final String FEATURE = """
			package demo;
			public record Feature(String name) {
			}
			""";

	private static final String COUNTER = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Counter {
				private int count;
				public int next() {
					return ++count;
				}
			}
			""";

	private static final String WEB = """
			package demo;
			@org.springframework.web.bind.annotation.RestController
			public class Web {
				private final org.springframework.beans.factory.ObjectProvider<Feature> features;
				private final Counter counter;
				public Web(org.springframework.beans.factory.ObjectProvider<Feature> features, Counter counter) {
					this.features = features;
					this.counter = counter;
				}
				@org.springframework.web.bind.annotation.GetMapping("/features")
				public String features() {
					return features.orderedStream().map(Feature::name).sorted().toList() + " #" + counter.next();
				}
			}
			""";

	@TempDir
	Path temp;

	@Test
	void flippedConditionRefreshesOnceAndOneThatKeepsItsOutcomeIsAppliedHot() throws Exception {
		Path classes = Files.createDirectories(this.temp.resolve("target/classes"));
		write(classes, "application.properties", "app.feature.enabled=false\napp.feature.mode=fast\n");
		try (RefreshingApplication app = RefreshingApplication.start(this.temp,
				List.of("demo.App", RefreshingApplication.APP, "demo.FeatureConfig", FEATURE_CONFIG,
						"demo.ExtrasConfig", EXTRAS_CONFIG, "demo.Feature", FEATURE, "demo.Counter", COUNTER,
						"demo.Web", WEB))) {
			assertThat(app.body("/features")).isEqualTo("[] #1");

			// Named by the condition, which does not match either way.
			write(classes, "application.properties", "app.feature.enabled=false\napp.feature.mode=slow\n");
			ReloadRecord hot = awaitRecord(app, (record) -> record.outcome() == Outcome.RECONFIGURED);
			assertThat(hot.properties().changed()).containsExactly("app.feature.mode");
			assertThat(app.history()).noneMatch((record) -> record.outcome() == Outcome.REFRESHED);

			write(classes, "application.properties", "app.feature.enabled=true\napp.feature.mode=slow\n");
			ReloadRecord refreshed = awaitRecord(app,
					(record) -> record.outcome() == Outcome.REFRESHED && record.id() > hot.id());
			assertThat(refreshed.verdicts()).singleElement().satisfies((verdict) -> {
				assertThat(verdict.className()).isEqualTo("application.properties");
				assertThat(verdict.category()).isEqualTo(Category.REFRESH);
				assertThat(verdict.reason()).isEqualTo(
						"app.feature.enabled changes the outcome of @ConditionalOnProperty on 'demo.FeatureConfig'");
			});
			await().atMost(Duration.ofSeconds(30))
				.ignoreExceptions()
				.untilAsserted(() -> assertThat(app.body("/features")).startsWith("[feature] #"));
			// The reloadable counter kept its count through the refresh.
			assertThat(app.body("/features")).isEqualTo("[feature] #3");

			write(classes, "application.properties",
					"app.feature.enabled=true\napp.feature.mode=slow\napp.extra.enabled=true\n");
			ReloadRecord extra = awaitRecord(app,
					(record) -> record.outcome() == Outcome.REFRESHED && record.id() > refreshed.id());
			assertThat(extra.verdicts()).singleElement()
				.satisfies((verdict) -> assertThat(verdict.reason()).isEqualTo(
						"app.extra.enabled changes the outcome of @ConditionalOnBooleanProperty on 'demo.ExtrasConfig#extra'"));
			await().atMost(Duration.ofSeconds(30))
				.ignoreExceptions()
				.untilAsserted(() -> assertThat(app.body("/features")).startsWith("[extra, feature] #"));
		}
	}

	private static ReloadRecord awaitRecord(RefreshingApplication app, Predicate<ReloadRecord> wanted) {
		ReloadRecord[] found = new ReloadRecord[1];
		await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
			found[0] = app.history().stream().filter(wanted).findFirst().orElse(null);
			return found[0] != null;
		});
		return found[0];
	}

	private static void write(Path classes, String name, String content) throws IOException {
		Path file = classes.resolve(name);
		Files.createDirectories(file.getParent());
		Path temporary = Files.writeString(file.resolveSibling(file.getFileName() + ".tmp"), content);
		Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

}
