package dev.hotreload.refresh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Outcome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With spring-cloud-context on the class path, a changed configuration file is applied
 * hot as after {@code /actuator/refresh}: a {@code @RefreshScope} bean that reads a
 * changed key through {@code @Value} is created anew at its next use, the application's
 * {@code EnvironmentChangeEvent} listeners hear the keys, and a project's
 * {@code @ConfigurationProperties} bean is bound once, by hot reload, not a second time
 * by Spring Cloud's rebinder.
 */
@Tag("spring-cloud")
class RefreshScopeConfigurationChangeTests {

	private static final String PROPERTIES = """
			package demo;
			@org.springframework.boot.context.properties.ConfigurationProperties("app")
			public class AppProperties {
				static final java.util.concurrent.atomic.AtomicInteger binds = new java.util.concurrent.atomic.AtomicInteger();
				private String greeting;
				public String getGreeting() { return greeting; }
				public void setGreeting(String greeting) {
					binds.incrementAndGet();
					this.greeting = greeting;
				}
			}
			""";

	private static final String CONFIG = """
			package demo;
			@org.springframework.context.annotation.Configuration
			@org.springframework.boot.context.properties.EnableConfigurationProperties(AppProperties.class)
			public class Config {
			}
			""";

	private static final String SCOPED = """
			package demo;
			@org.springframework.stereotype.Component
			@org.springframework.cloud.context.config.annotation.RefreshScope
			public class Scoped {
				@org.springframework.beans.factory.annotation.Value("${app.greeting}")
				private String greeting;
				public String greeting() {
					return greeting;
				}
			}
			""";

	private static final String KEYS = """
			package demo;
			@org.springframework.stereotype.Component
			public class Keys {
				final java.util.Set<String> heard = new java.util.concurrent.ConcurrentSkipListSet<>();
				@org.springframework.context.event.EventListener
				void on(org.springframework.cloud.context.environment.EnvironmentChangeEvent event) {
					heard.addAll(event.getKeys());
				}
			}
			""";

	private static final String WEB = """
			package demo;
			@org.springframework.web.bind.annotation.RestController
			public class Web {
				private final Scoped scoped;
				private final AppProperties properties;
				private final Keys keys;
				public Web(Scoped scoped, AppProperties properties, Keys keys) {
					this.scoped = scoped;
					this.properties = properties;
					this.keys = keys;
				}
				@org.springframework.web.bind.annotation.GetMapping("/greeting")
				public String greeting() {
					return scoped.greeting() + " " + properties.getGreeting() + " binds=" + AppProperties.binds.get()
							+ " heard=" + keys.heard;
				}
			}
			""";

	@TempDir
	Path temp;

	@Test
	void refreshScopedBeanFollowsAndPropertiesAreBoundOnce() throws Exception {
		Path classes = Files.createDirectories(this.temp.resolve("target/classes"));
		write(classes, "application.properties", "app.greeting=Hello\n");
		try (RefreshingApplication app = RefreshingApplication.start(this.temp,
				List.of("demo.App", RefreshingApplication.APP, "demo.AppProperties", PROPERTIES, "demo.Config", CONFIG,
						"demo.Scoped", SCOPED, "demo.Keys", KEYS, "demo.Web", WEB))) {
			assertThat(app.body("/greeting")).isEqualTo("Hello Hello binds=1 heard=[]");
			write(classes, "application.properties", "app.greeting=Hi\n");
			ReloadRecord reconfigured = awaitRecord(app, (record) -> record.outcome() == Outcome.RECONFIGURED);
			assertThat(reconfigured.notes()).containsExactly("rebound [app-demo.AppProperties]",
					"refreshed @RefreshScope beans");
			// One bind of a fresh instance by hot reload; Spring Cloud's rebinder would
			// have bound the live one again.
			assertThat(app.body("/greeting")).isEqualTo("Hi Hi binds=2 heard=[app.greeting]");
			assertThat(app.history())
				.noneMatch((record) -> record.outcome() == Outcome.REFRESHED || record.outcome() == Outcome.FAILED);
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
		Path temporary = Files.writeString(classes.resolve(name + ".tmp"), content);
		Files.move(temporary, classes.resolve(name), StandardCopyOption.ATOMIC_MOVE,
				StandardCopyOption.REPLACE_EXISTING);
	}

}
