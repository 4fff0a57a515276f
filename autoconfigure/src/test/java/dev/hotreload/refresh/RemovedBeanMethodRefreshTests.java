package dev.hotreload.refresh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Category;
import dev.hotreload.ReloadRecord.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reloadable bean that loses a public method a plain class calls cannot take a new
 * generation; by default the change is applied by a full refresh, as every change that
 * hot reload cannot apply, and with the refresh off it waits in the pending refresh.
 */
class RemovedBeanMethodRefreshTests {

	private static final String GREETER = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Greeter {
				public String greet(String name) {
					return "%s " + name;
				}
				%s
			}
			""";

	private static final String FAREWELL = """
			public String farewell(String name) {
				return "Bye " + name;
			}
			""";

	private static final String CONTROLLER = """
			package demo;
			@org.springframework.web.bind.annotation.RestController
			public class Reception {
				private final Greeter greeter;
				public Reception(Greeter greeter) {
					this.greeter = greeter;
				}
				@org.springframework.web.bind.annotation.GetMapping("/hello/{name}")
				public String hello(@org.springframework.web.bind.annotation.PathVariable String name) {
					return greeter.greet(name);
				}
				@org.springframework.web.bind.annotation.GetMapping("/bye/{name}")
				public String bye(@org.springframework.web.bind.annotation.PathVariable String name) {
					return greeter.farewell(name);
				}
			}
			""";

	@TempDir
	Path temp;

	@Test
	void removedMethodThatAPlainClassCallsIsAppliedByAFullRefresh() throws Exception {
		try (RefreshingApplication app = RefreshingApplication.start(this.temp, sources())) {
			assertThat(app.body("/hello/ann")).isEqualTo("Hello ann");
			long before = lastId(app);
			app.compile("demo.Greeter", GREETER.formatted("Hi", ""));
			await().atMost(Duration.ofSeconds(90))
				.until(() -> app.history()
					.stream()
					.anyMatch((record) -> record.id() > before && record.outcome() == Outcome.REFRESHED));
			List<ReloadRecord> since = app.history().stream().filter((record) -> record.id() > before).toList();
			ReloadRecord refreshed = since.stream()
				.filter((record) -> record.outcome() == Outcome.REFRESHED)
				.findFirst()
				.orElseThrow();
			assertThat(refreshed.classes()).contains("demo.Greeter");
			assertThat(since).filteredOn((record) -> record.outcome() == Outcome.REFRESHED).hasSize(1);
			assertThat(since).filteredOn((record) -> record.outcome() == Outcome.FAILED)
				.allSatisfy((record) -> assertThat(record.verdicts())
					.allSatisfy((verdict) -> assertThat(verdict.category()).isEqualTo(Category.REFRESH)));
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(app.body("/hello/bob")).isEqualTo("Hi bob"));
			assertThat(JsonPath.parse(app.body("/actuator/hotreload")).read("$.pendingRefresh", List.class)).isEmpty();
		}
	}

	@Test
	void removedMethodThatAPlainClassCallsWaitsForARefreshWhenRefreshingIsOff() throws Exception {
		try (RefreshingApplication app = RefreshingApplication.start(this.temp, sources(),
				"--hotreload.refresh.on-unreloadable-change=false")) {
			assertThat(app.body("/hello/ann")).isEqualTo("Hello ann");
			long before = lastId(app);
			app.compile("demo.Greeter", GREETER.formatted("Hi", ""));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> app.body("/actuator/hotreload")
					.contains("\"pendingRefresh\":[{\"class\":\"demo.Greeter\""));
			List<ReloadRecord> since = app.history().stream().filter((record) -> record.id() > before).toList();
			assertThat(since).hasSize(1);
			assertThat(since.get(0).outcome()).isEqualTo(Outcome.FAILED);
			assertThat(since.get(0).verdicts()).extracting(ReloadRecord.Verdict::category)
				.containsOnly(Category.REFRESH);
			assertThat(app.body("/hello/bob")).isEqualTo("Hello bob");
			assertThat(app.body("/bye/bob")).isEqualTo("Bye bob");
		}
	}

	private static long lastId(RefreshingApplication app) {
		List<ReloadRecord> history = app.history();
		return history.isEmpty() ? 0 : history.get(0).id();
	}

	private static List<String> sources() {
		return List.of("demo.App", RefreshingApplication.APP, "demo.Greeter", GREETER.formatted("Hello", FAREWELL),
				"demo.Reception", CONTROLLER);
	}

}
