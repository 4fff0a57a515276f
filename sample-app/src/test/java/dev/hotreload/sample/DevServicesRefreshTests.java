package dev.hotreload.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the sample's dev services entry point ({@link TestSampleApplication}) in a JVM of
 * its own, as {@code spring-boot:test-run} does, and refreshes the application through
 * the endpoint: the PostgreSQL container is {@code @SurvivesRefresh}, so the refreshed
 * application connects to the same container and finds the rows written before.
 */
@EnabledIfDocker
class DevServicesRefreshTests {

	private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

	private static final String CONTAINER_STARTING = "Container " + SamplePostgres.image().asCanonicalNameString()
			+ " is starting";

	private final HttpClient client = HttpClient.newHttpClient();

	private Process process;

	private Path log;

	@AfterEach
	void stop() throws InterruptedException {
		if (this.process != null) {
			this.process.destroy();
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
	}

	@Test
	void refreshKeepsTheContainerAndItsRows(@TempDir Path temp) throws Exception {
		this.log = temp.resolve("dev-services.log");
		this.process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), TestSampleApplication.class.getName(),
				"--server.port=" + freePort(), "--spring.profiles.active=dev", "--sample.colony.tick-interval=1h")
			.redirectErrorStream(true)
			.redirectOutput(this.log.toFile())
			.start();
		int port = awaitPort();
		HttpResponse<String> signed = send(port, "POST", "/guestbook", "{\"name\":\"Ada\"}");
		assertThat(signed.statusCode()).isEqualTo(200);

		HttpResponse<String> refresh = send(port, "POST", "/actuator/hotreload", null);
		assertThat(JsonPath.parse(refresh.body()).read("$.refresh", String.class)).isEqualTo("started");
		int id = JsonPath.parse(refresh.body()).read("$.id", Integer.class);
		// The web server is down while the context starts again, on the same port.
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(200))
			.ignoreExceptionsInstanceOf(IOException.class)
			.untilAsserted(() -> {
				List<String> outcomes = JsonPath.parse(send(port, "GET", "/actuator/hotreload", null).body())
					.read("$.history[?(@.id == " + id + ")].outcome");
				assertThat(outcomes).containsExactly("REFRESHED");
			});

		assertThat(send(port, "GET", "/guestbook", null).body()).contains("\"Ada\"");
		String output = log();
		assertThat(output.split(Pattern.quote(CONTAINER_STARTING), -1)).as("container starts").hasSize(2);
		assertThat(output).containsPattern("Refreshed the application in .*survived: \\[postgres\\]");
	}

	// A refresh starts the web server again on the port it is given, so a fixed one.
	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private int awaitPort() {
		int[] port = new int[1];
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The dev services application exited:\n" + log());
			}
			Matcher matcher = PORT.matcher(log());
			if (matcher.find() && log().contains("Started SampleApplication")) {
				port[0] = Integer.parseInt(matcher.group(1));
				return true;
			}
			return false;
		});
		return port[0];
	}

	private HttpResponse<String> send(int port, String method, String path, String json)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (json != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
