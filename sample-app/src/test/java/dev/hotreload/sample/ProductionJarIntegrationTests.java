package dev.hotreload.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Checks the sample app's executable jar, as {@code spring-boot:repackage} builds it for
 * production. The sample declares the starter {@code <optional>true</optional>}, as
 * DevTools is declared, so the jar holds neither hotreload nor what only the starter
 * brings (the directory watcher, the actuator), and the application runs without them,
 * even with the {@code dev} profile active. Runs in the integration-test phase, after the
 * jar is built; the failsafe plugin always sets {@code sample.jar}, and a unit-test run
 * picked by {@code -Dtest} (before the jar exists) skips it.
 */
@EnabledIfSystemProperty(named = "sample.jar", matches = ".+")
class ProductionJarIntegrationTests {

	private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

	@TempDir
	Path temp;

	@Test
	void jarLeavesOutTheStarterAndWhatOnlyItBrings() throws IOException {
		List<String> libraries = libraries(jar());
		assertThat(libraries).anyMatch((name) -> name.startsWith("spring-webmvc-"))
			.anyMatch((name) -> name.startsWith("tomcat-embed-core-"));
		assertThat(libraries).noneMatch((name) -> name.startsWith("hotreload-"))
			.noneMatch((name) -> name.startsWith("directory-watcher-"))
			.noneMatch((name) -> name.startsWith("spring-boot-actuator"))
			.noneMatch((name) -> name.startsWith("spring-boot-starter-actuator"));
	}

	@Test
	void jarRunsWithoutHotReloadEvenWithTheDevProfile() throws Exception {
		Path log = this.temp.resolve("app.log");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-jar", jar().toString(), "--server.port=0",
				"--spring.profiles.active=dev", "--sample.colony.tick-interval=1h")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			int port = awaitPort(process, log);
			HttpClient client = HttpClient.newHttpClient();
			HttpResponse<String> hello = get(client, port, "/hello");
			assertThat(hello.statusCode()).isEqualTo(200);
			assertThat(hello.body()).contains("Hello, visitor #1");
			assertThat(get(client, port, "/actuator/hotreload").statusCode()).isEqualTo(404);
			assertThat(read(log)).contains("The following 1 profile is active: \"dev\"")
				.doesNotContain("Hot reload")
				.doesNotContain("Source mode");
		}
		finally {
			process.destroy();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

	private static Path jar() {
		Path jar = Path.of(System.getProperty("sample.jar"));
		assertThat(jar).as("the executable jar; build it with ./mvnw -pl sample-app -am verify").isRegularFile();
		return jar;
	}

	private static List<String> libraries(Path jar) throws IOException {
		try (JarFile file = new JarFile(jar.toFile())) {
			return file.stream()
				.map((entry) -> entry.getName())
				.filter((name) -> name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar"))
				.map((name) -> name.substring(name.lastIndexOf('/') + 1))
				.toList();
		}
	}

	private static int awaitPort(Process process, Path log) {
		int[] port = new int[1];
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
			if (!process.isAlive()) {
				throw new IllegalStateException("The production jar exited:\n" + read(log));
			}
			Matcher matcher = PORT.matcher(read(log));
			if (matcher.find()) {
				port[0] = Integer.parseInt(matcher.group(1));
				return true;
			}
			return false;
		});
		return port[0];
	}

	private static HttpResponse<String> get(HttpClient client, int port, String path) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static String read(Path log) {
		try {
			return Files.readString(log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
