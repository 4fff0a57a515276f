package dev.hotreload.refresh;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A request that runs when a refresh starts completes: the refresh closes the context,
 * and Spring Boot's graceful shutdown (its default) waits for the requests in progress
 * before the web server stops. What the request did to a {@code KEEP} bean is carried
 * into the new context. A new connection to the old port is refused once the web server
 * stopped accepting.
 */
class InFlightRequestRefreshTests {

	private static final String CONTROLLER = """
			package demo;
			@org.springframework.web.bind.annotation.RestController
			public class Slow {
				private final Counter counter;
				public Slow(Counter counter) {
					this.counter = counter;
				}
				@org.springframework.web.bind.annotation.GetMapping("/slow")
				public String slow() throws InterruptedException {
					java.util.concurrent.TimeUnit.SECONDS.sleep(1);
					return "slow done " + counter.increment();
				}
				@org.springframework.web.bind.annotation.GetMapping("/count")
				public String count() {
					return String.valueOf(counter.increment());
				}
			}
			""";

	private static final String COUNTER = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Counter {
				private int count;
				public synchronized int increment() {
					return ++count;
				}
			}
			""";

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@TempDir
	Path temp;

	@Test
	void requestInProgressWhenARefreshStartsCompletes() throws Exception {
		try (RefreshingApplication app = RefreshingApplication.start(this.temp,
				List.of("demo.App", RefreshingApplication.APP, "demo.Slow", CONTROLLER, "demo.Counter", COUNTER))) {
			assertThat(app.body("/count")).isEqualTo("1");
			int oldPort = app.port();
			HttpRequest slow = HttpRequest.newBuilder(URI.create("http://localhost:" + oldPort + "/slow"))
				.timeout(Duration.ofSeconds(30))
				.build();
			CompletableFuture<HttpResponse<String>> inFlight = this.client.sendAsync(slow,
					HttpResponse.BodyHandlers.ofString());
			// The refresh is asked for 200 ms into the request's second.
			await().pollDelay(Duration.ofMillis(200)).until(() -> true);
			long id = app.reloader().refresh();

			HttpResponse<String> response = inFlight.get(30, TimeUnit.SECONDS);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("slow done 2");
			ReloadRecord refreshed = app.awaitRecord(id);
			assertThat(refreshed.outcome()).isEqualTo(Outcome.REFRESHED);
			assertThat(refreshed.carried().get("counter").kept()).containsExactly("count");
			assertThat(app.body("/count")).as("the slow request's increment was carried").isEqualTo("3");

			// The harness runs each run on a port of its own: the old one is closed.
			assertThat(app.port()).isNotEqualTo(oldPort);
			HttpRequest old = HttpRequest.newBuilder(URI.create("http://localhost:" + oldPort + "/count")).build();
			assertThatExceptionOfType(ConnectException.class)
				.isThrownBy(() -> this.client.send(old, HttpResponse.BodyHandlers.ofString()));
		}
	}

}
