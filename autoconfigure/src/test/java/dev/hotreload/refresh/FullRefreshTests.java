package dev.hotreload.refresh;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.hotreload.BeanStatus;
import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Category;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.ReloadRecord.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A full refresh of a real application run from its {@code main} method on the
 * {@link Refresher}, with a real web server: a new request mapping on a plain controller
 * is served after a refresh asked for over HTTP, from code, or by the change itself, and
 * the reload history and the state of {@code KEEP} beans are carried across it.
 */
class FullRefreshTests {

	static final String CONTROLLER = """
			package demo;
			@org.springframework.web.bind.annotation.RestController
			public class Greetings {
				private final Counter counter;
				public Greetings(Counter counter) {
					this.counter = counter;
				}
				@org.springframework.web.bind.annotation.GetMapping("/hello/{name}")
				public String hello(@org.springframework.web.bind.annotation.PathVariable String name) {
					return counter.add(name);
				}
				%s
			}
			""";

	static final String BYE = """
			@org.springframework.web.bind.annotation.GetMapping("/bye")
			public String bye() {
				return "bye after " + counter.add("bye");
			}
			""";

	static final String COUNTER = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Counter {
				private long count;
				private final java.util.List<String> names = new java.util.ArrayList<>();
				private Visitor last;
				private java.util.List<Visitor> visitors = new java.util.ArrayList<>();
				public synchronized String add(String name) {
					count++;
					names.add(name);
					last = new Visitor(name);
					visitors.add(last);
					return "%s" + count + " " + names + " last " + last.name() + " of " + visitors.size();
				}
			}
			""";

	static final String VISITOR = """
			package demo;
			public record Visitor(String name) {
			}
			""";

	@TempDir
	Path temp;

	@Test
	void newMappingOnPlainControllerIsServedAfterRefreshOverHttpWithStateAndHistoryCarried() throws Exception {
		try (RefreshingApplication app = RefreshingApplication.start(this.temp, sources(""),
				"--hotreload.refresh.on-unreloadable-change=false")) {
			assertThat(app.body("/hello/ann")).isEqualTo("1 [ann] last ann of 1");
			assertThat(app.body("/hello/bob")).isEqualTo("2 [ann, bob] last bob of 2");
			ReloadRecord reloaded = app.reloader().reload("counter");
			assertThat(reloaded.outcome()).isEqualTo(Outcome.RELOADED);
			assertThat(app.get("/bye").statusCode()).isEqualTo(404);

			app.compile("demo.Greetings", CONTROLLER.formatted(BYE));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> app.body("/actuator/hotreload")
					.contains("\"pendingRefresh\":[{\"class\":\"demo.Greetings\""));
			assertThat(app.get("/bye").statusCode()).as("not applied before the refresh").isEqualTo(404);

			HttpResponse<String> started = app.post("/actuator/hotreload");
			assertThat(started.statusCode()).isEqualTo(200);
			DocumentContext json = JsonPath.parse(started.body());
			assertThat(json.read("$.refresh", String.class)).isEqualTo("started");
			long id = json.read("$.id", Long.class);
			assertThat(id).isGreaterThan(reloaded.id());

			ReloadRecord refreshed = app.awaitRecord(id);
			assertThat(refreshed.outcome()).isEqualTo(Outcome.REFRESHED);
			assertThat(refreshed.bean()).isNull();
			assertThat(refreshed.trigger()).isEqualTo(Trigger.ENDPOINT);
			assertThat(refreshed.classes()).contains("demo.Greetings");
			assertThat(refreshed.durationMillis()).isPositive();
			assertThat(refreshed.carried()).containsOnlyKeys("counter");
			assertThat(refreshed.carried().get("counter").kept()).containsExactlyInAnyOrder("count", "names");
			assertThat(refreshed.carried().get("counter").reset()).containsExactlyInAnyOrder("last", "visitors");

			assertThat(app.body("/bye")).isEqualTo("bye after 3 [ann, bob, bye] last bye of 1");
			assertThat(app.body("/hello/cy")).isEqualTo("4 [ann, bob, bye, cy] last cy of 2");

			HotReloader reloader = app.reloader();
			assertThat(reloader.history()).extracting(ReloadRecord::id).contains(reloaded.id(), id);
			assertThat(reloader.history("counter")).extracting(ReloadRecord::id).contains(reloaded.id());
			assertThat(reloader.beans()).extracting(BeanStatus::generation).containsOnly(1);
			DocumentContext report = JsonPath.parse(app.body("/actuator/hotreload"));
			assertThat(report.read("$.pendingRefresh", List.class)).isEmpty();
			assertThat(report.read("$.history[0].outcome", String.class)).isEqualTo("REFRESHED");
			assertThat(report.read("$.history[0].carried.counter.kept", List.class)).contains("count", "names");

			assertThat(app.reloader().reload("counter").outcome()).as("hot reload after the refresh")
				.isEqualTo(Outcome.RELOADED);
			assertThat(app.body("/hello/dee")).isEqualTo("5 [ann, bob, bye, cy, dee] last dee of 3");
		}
	}

	@Test
	void changeThatHotReloadCannotApplyRefreshesByItself() throws Exception {
		try (RefreshingApplication app = RefreshingApplication.start(this.temp, sources(""))) {
			assertThat(app.body("/hello/ann")).isEqualTo("1 [ann] last ann of 1");
			long before = app.history().isEmpty() ? 0 : app.history().get(0).id();
			app.compile("demo.Greetings", CONTROLLER.formatted(BYE));
			await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> app.get("/bye").statusCode() == 200);
			// The new web server answers before the context is ready, which ends the
			// refresh.
			await().atMost(Duration.ofSeconds(30)).until(() -> app.history().get(0).outcome() == Outcome.REFRESHED);
			ReloadRecord refreshed = app.history().get(0);
			assertThat(refreshed.id()).isGreaterThan(before);
			assertThat(refreshed.outcome()).isEqualTo(Outcome.REFRESHED);
			assertThat(refreshed.trigger()).isEqualTo(Trigger.FILE_CHANGE);
			assertThat(refreshed.classes()).contains("demo.Greetings");
			assertThat(refreshed.verdicts()).singleElement().satisfies((verdict) -> {
				assertThat(verdict.className()).isEqualTo("demo.Greetings");
				assertThat(verdict.category()).isEqualTo(Category.REFRESH);
				assertThat(verdict.reason()).startsWith("changed shape: method bye() added");
			});
			assertThat(app.body("/hello/bob")).isEqualTo("3 [ann, bye, bob] last bob of 2");
		}
	}

	@Test
	void refreshFromCodeReturnsTheIdOfItsRecord() throws Exception {
		try (RefreshingApplication app = RefreshingApplication.start(this.temp, sources(""))) {
			assertThat(app.body("/hello/ann")).startsWith("1 ");
			long id = app.reloader().refresh();
			ReloadRecord record = app.awaitRecord(id);
			assertThat(record.outcome()).isEqualTo(Outcome.REFRESHED);
			assertThat(record.trigger()).isEqualTo(Trigger.API);
			assertThat(app.body("/hello/bob")).startsWith("2 [ann, bob]");
		}
	}

	@Test
	void refreshAskedForOverHttpStopsTheWebServerOnlyOnceItCouldAnswer() throws Exception {
		try (RefreshingApplication app = RefreshingApplication.start(this.temp, sources(""))) {
			assertThat(app.body("/hello/ann")).startsWith("1 ");
			URI report = URI.create("http://localhost:" + app.port() + "/actuator/hotreload");
			HttpClient client = HttpClient.newHttpClient();
			HttpResponse<String> started = app.post("/actuator/hotreload");
			assertThat(started.statusCode()).isEqualTo(200);
			long id = JsonPath.parse(started.body()).read("$.id", Long.class);
			// Closing the context at once could cut the answer of a request that is
			// still being written, as the answer to the POST above.
			await().during(Duration.ofMillis(200))
				.atMost(Duration.ofSeconds(5))
				.until(() -> client.send(HttpRequest.newBuilder(report).build(), HttpResponse.BodyHandlers.ofString())
					.statusCode() == 200);
			assertThat(app.awaitRecord(id).outcome()).isEqualTo(Outcome.REFRESHED);
			assertThat(app.body("/hello/bob")).startsWith("2 [ann, bob]");
		}
	}

	static List<String> sources(String greetingPrefix) {
		return List.of("demo.App", RefreshingApplication.APP, "demo.Greetings", CONTROLLER.formatted(""),
				"demo.Counter", COUNTER.formatted(greetingPrefix), "demo.Visitor", VISITOR);
	}

}
