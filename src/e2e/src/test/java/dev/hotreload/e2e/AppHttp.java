package dev.hotreload.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;

import static org.awaitility.Awaitility.await;

/**
 * HTTP requests to an application that may be refreshing: each request goes to the port
 * of the latest run, and a refused connection or a timeout is an answer too, so that a
 * test can count what failed instead of failing at once.
 */
final class AppHttp {

	private final SampleAppProcess app;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	AppHttp(SampleAppProcess app) {
		this.app = app;
	}

	Answer get(String path) {
		return send(path, false);
	}

	Answer post(String path) {
		return send(path, true);
	}

	/**
	 * Wait until the application is quiet: it answers, and neither its port, nor its
	 * history, nor its pending classes changed for a while, longer than the watcher's
	 * deletion quiet period, so that no refresh runs and no batch waits.
	 * @param stable how long nothing may change
	 * @param atMost how long to wait for it
	 * @return the report at the end
	 */
	DocumentContext awaitQuiet(Duration stable, Duration atMost) {
		Quiet quiet = new Quiet();
		await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> quiet.poll(stable));
		return Objects.requireNonNull(quiet.report);
	}

	private Answer send(String path, boolean post) {
		int port = this.app.latestPort();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(10));
		if (post) {
			request.POST(HttpRequest.BodyPublishers.noBody());
		}
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body(), port, System.currentTimeMillis());
		}
		catch (IOException ex) {
			return new Answer(-1, ex.getClass().getSimpleName() + ": " + ex.getMessage(), port,
					System.currentTimeMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One answer, or the failure to get one.
	 *
	 * @param status the HTTP status, {@code -1} if no answer came
	 * @param body the body, or what went wrong
	 * @param port the port asked
	 * @param receivedMillis when the answer came, in epoch milliseconds
	 */
	record Answer(int status, String body, int port, long receivedMillis) {

		boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

		DocumentContext json() {
			return JsonPath.parse(this.body);
		}

	}

	private final class Quiet {

		private List<Object> signature = List.of();

		private long since;

		private DocumentContext report;

		boolean poll(Duration stable) {
			Answer answer = get("/actuator/hotreload");
			if (!answer.ok()) {
				this.signature = List.of();
				return false;
			}
			DocumentContext report = answer.json();
			List<Object> signature = List.of(answer.port(), report.read("$.history[*].id", List.class),
					report.read("$.pendingRefresh", List.class));
			long now = System.nanoTime();
			if (!signature.equals(this.signature)) {
				this.signature = signature;
				this.since = now;
			}
			this.report = report;
			return now - this.since >= stable.toNanos();
		}

	}

}
