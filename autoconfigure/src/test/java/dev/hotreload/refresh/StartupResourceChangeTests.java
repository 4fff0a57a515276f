package dev.hotreload.refresh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import com.jayway.jsonpath.JsonPath;
import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Category;
import dev.hotreload.ReloadRecord.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An auto-configuration imports file added to, changed in or deleted from the class
 * directory of a real application goes to one full refresh whose verdict says why, after
 * which the application serves what the project's auto-configuration registers; without a
 * refresh on unreloadable changes, it waits in {@code pendingRefresh}.
 */
class StartupResourceChangeTests {

	private static final String IMPORTS = "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";

	// Outside the package that the application scans: only the imports file brings it.
	private static final String AUTO_CONFIGURATION = """
			package extra;
			@org.springframework.boot.autoconfigure.AutoConfiguration
			public class GreetingAutoConfiguration {
				@org.springframework.context.annotation.Bean
				GreetingEndpoint greetingEndpoint() {
					return new GreetingEndpoint();
				}
			}
			""";

	private static final String ENDPOINT = """
			package extra;
			@org.springframework.web.bind.annotation.RestController
			public class GreetingEndpoint {
				@org.springframework.web.bind.annotation.GetMapping("/auto")
				public String greet() {
					return "auto-configured";
				}
			}
			""";

	@TempDir
	Path temp;

	@Test
	void addedAndDeletedImportsFileRefreshesTheApplication() throws Exception {
		try (RefreshingApplication app = RefreshingApplication.start(this.temp,
				List.of("demo.App", RefreshingApplication.APP, "extra.GreetingAutoConfiguration", AUTO_CONFIGURATION,
						"extra.GreetingEndpoint", ENDPOINT))) {
			assertThat(app.get("/auto").statusCode()).isEqualTo(404);
			write(app.classes(), IMPORTS, "extra.GreetingAutoConfiguration\n");
			ReloadRecord added = awaitRecord(app, (record) -> record.outcome() == Outcome.REFRESHED);
			assertThat(added.verdicts()).singleElement().satisfies((verdict) -> {
				assertThat(verdict.className()).isEqualTo(IMPORTS);
				assertThat(verdict.category()).isEqualTo(Category.REFRESH);
				assertThat(verdict.reason()).isEqualTo(
						"changed: META-INF/spring/ registers auto-configurations and the like, which Spring Boot reads once, at startup");
			});
			await().atMost(Duration.ofSeconds(30))
				.ignoreExceptions()
				.untilAsserted(() -> assertThat(app.body("/auto")).isEqualTo("auto-configured"));

			Files.delete(app.classes().resolve(IMPORTS));
			ReloadRecord deleted = awaitRecord(app,
					(record) -> record.outcome() == Outcome.REFRESHED && record.id() > added.id());
			assertThat(deleted.verdicts()).singleElement()
				.satisfies((verdict) -> assertThat(verdict.reason()).startsWith("deleted: "));
			await().atMost(Duration.ofSeconds(30))
				.ignoreExceptions()
				.untilAsserted(() -> assertThat(app.get("/auto").statusCode()).isEqualTo(404));
		}
	}

	@Test
	void changedSpringFactoriesWaitsForARefreshWhenChangesDoNotRefresh() throws Exception {
		try (RefreshingApplication app = RefreshingApplication.start(
				this.temp, List.of("demo.App", RefreshingApplication.APP, "extra.GreetingAutoConfiguration",
						AUTO_CONFIGURATION, "extra.GreetingEndpoint", ENDPOINT),
				"--hotreload.refresh.on-unreloadable-change=false")) {

			write(app.classes(), "META-INF/spring.factories",
					"org.springframework.context.ApplicationListener=extra.Missing\n");
			await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
				String json = app.body("/actuator/hotreload");
				assertThat(JsonPath.parse(json).read("$.pendingRefresh[*].class", List.class))
					.containsExactly("META-INF/spring.factories");
				assertThat(JsonPath.parse(json).read("$.pendingRefresh[0].reason", String.class))
					.contains("spring.factories registers listeners", "once, at startup");
			});
			assertThat(app.history()).noneMatch((record) -> record.outcome() == Outcome.REFRESHED);
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
