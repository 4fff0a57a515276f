package dev.hotreload.e2e;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the sample application as a separate JVM from its {@code main} method, as a
 * developer does, adds an endpoint to its plain (not reloadable) controller and checks
 * over HTTP that a full refresh serves it with the visit counter and the reload history
 * kept; then does the same with DevTools on the class path, where DevTools' restart is
 * the refresh and a hot-reloadable change restarts nothing. Prints the times it observed:
 * cold start, refresh, DevTools restart.
 */
class SampleAppRefreshE2ETests {

	private static final String CONTROLLER = "dev.hotreload.sample.SampleController";

	private static final String COUNTER = "dev.hotreload.sample.VisitCounter";

	private static final String GREETING = "Hello, visitor #";

	private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

	private static final String GOODBYE = """
				@GetMapping("/goodbye")
				public String goodbye() {
					return "Goodbye after " + this.visitCounter.visit().number() + " visits";
				}

			}
			""";

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@TempDir
	Path temp;

	@Test
	void newEndpointOnPlainControllerIsServedAfterRefreshWithCounterAndHistoryKept() throws Exception {
		Path classes = SampleClasses.extract(this.temp.resolve("target/classes"));
		long coldStart = System.nanoTime();
		try (SampleAppProcess app = SampleAppProcess.start(classes, libraries(false), this.temp.resolve("app.log"))) {
			double coldStartMillis = awaitOk(app, "/hello", coldStart);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> app.log().contains("Hot reload runs the application on a refreshable class loader"));
			long visits = visits(app);
			visits = visits(app);
			long reloadId = reloadCounter(app, classes, "Hi, visitor #");
			visits = assertNextVisit(app, visits, "Hi, visitor #");

			long start = System.nanoTime();
			moveIn(SampleClasses.compile(CONTROLLER, withGoodbye(), this.temp.resolve("staging-controller")), classes,
					CONTROLLER);
			double refreshMillis = awaitOk(app, "/goodbye", start);
			assertThat(get(app, "/goodbye")).startsWith("Goodbye after " + (visits + 2) + " visits");
			visits += 2;

			// The new web server answers before the context is ready, which ends the
			// refresh.
			DocumentContext report = awaitHistoryHead(app, "REFRESHED");
			assertThat(report.read("$.history[0].trigger", String.class)).isEqualTo("FILE_CHANGE");
			assertThat(report.read("$.history[0].classes", List.class)).contains(CONTROLLER);
			assertThat(report.read("$.history[0].carried.visitCounter.kept", List.class)).contains("visits");
			assertThat(report.read("$.history[*].id", List.class)).contains((int) reloadId);
			assertThat(report.read("$.pendingRefresh", List.class)).isEmpty();
			assertThat(report.read("$.beans[?(@.name == 'visitCounter')].generation", List.class)).containsExactly(1);
			visits = assertNextVisit(app, visits, "Hi, visitor #");

			String started = post(app, "/actuator/hotreload");
			long id = JsonPath.parse(started).read("$.id", Long.class);
			assertThat(JsonPath.parse(started).read("$.refresh", String.class)).isEqualTo("started");
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
				try {
					return JsonPath.parse(get(app, "/actuator/hotreload")).read("$.history[0].id", Long.class) == id;
				}
				catch (IOException | AssertionError ex) {
					return false;
				}
			});
			assertNextVisit(app, visits, "Hi, visitor #");
			System.out.printf(Locale.ROOT,
					"Sample app, own refresher: cold start to first answer %.0f ms, class file written to new "
							+ "endpoint served after a refresh %.0f ms%n",
					coldStartMillis, refreshMillis);
		}
	}

	@Test
	void withDevToolsAHotReloadableChangeRestartsNothingAndAnUnreloadableOneRestartsOnce() throws Exception {
		Path classes = SampleClasses.extract(this.temp.resolve("target/classes"));
		try (SampleAppProcess app = SampleAppProcess.start(classes, libraries(true), this.temp.resolve("app.log"),
				List.of(), List.of("--spring.devtools.livereload.enabled=false"))) {
			awaitOk(app, "/hello", System.nanoTime());
			assertThat(app.log())
				.contains("DevTools restarts the application only for changes that hot reload " + "cannot apply");
			assertThat(app.log()).doesNotContain("Hot reload runs the application on a refreshable class loader");
			long visits = visits(app);
			long reloadId = reloadCounter(app, classes, "Hi, visitor #");
			visits = assertNextVisit(app, visits, "Hi, visitor #");
			// DevTools polls every second and waits 400 ms: give it time to decide.
			assertNoRestartFor(app, 1);

			long start = System.nanoTime();
			moveIn(SampleClasses.compile(CONTROLLER, withGoodbye(), this.temp.resolve("staging-controller")), classes,
					CONTROLLER);
			double restartMillis = awaitOk(app, "/goodbye", start);
			assertThat(get(app, "/goodbye")).startsWith("Goodbye after " + (visits + 2) + " visits");
			visits += 2;
			assertNoRestartFor(app, 2);
			DocumentContext report = awaitHistoryHead(app, "REFRESHED");
			assertThat(report.read("$.history[0].classes", List.class)).contains(CONTROLLER);
			assertThat(report.read("$.history[0].carried.visitCounter.kept", List.class)).contains("visits");
			assertThat(report.read("$.history[*].id", List.class)).contains((int) reloadId);
			assertNextVisit(app, visits, "Hi, visitor #");
			System.out.printf(Locale.ROOT,
					"Sample app, DevTools partner: class file written to new endpoint served after a DevTools "
							+ "restart %.0f ms%n",
					restartMillis);
		}
	}

	private long reloadCounter(SampleAppProcess app, Path classes, String greeting) throws Exception {
		String source = Files.readString(sampleSource(COUNTER)).replace(GREETING, greeting);
		moveIn(SampleClasses.compile(COUNTER, source, this.temp.resolve("staging-counter")), classes, COUNTER);
		await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.until(() -> "RELOADED".equals(JsonPath.parse(get(app, "/actuator/hotreload/visitCounter"))
				.read("$.history[0].outcome", String.class)));
		return JsonPath.parse(get(app, "/actuator/hotreload/visitCounter")).read("$.history[0].id", Long.class);
	}

	private static String withGoodbye() throws IOException {
		String source = Files.readString(sampleSource(CONTROLLER));
		int end = source.lastIndexOf('}');
		return source.substring(0, end) + GOODBYE;
	}

	private long visits(SampleAppProcess app) throws Exception {
		return JsonPath.parse(get(app, "/hello")).read("$.number", Long.class);
	}

	private long assertNextVisit(SampleAppProcess app, long visits, String greeting) throws Exception {
		DocumentContext json = JsonPath.parse(get(app, "/hello"));
		long number = json.read("$.number", Long.class);
		assertThat(number).isEqualTo(visits + 1);
		assertThat(json.read("$.message", String.class)).isEqualTo(greeting + number);
		return number;
	}

	// Waits until the path answers 200 on the port of the latest run, and returns the
	// milliseconds since start.
	private double awaitOk(SampleAppProcess app, String path, long start) {
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(5)).until(() -> {
			try {
				return send(app, path, false).statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
		});
		return (System.nanoTime() - start) / 1_000_000.0;
	}

	private String get(SampleAppProcess app, String path) throws IOException, InterruptedException {
		HttpResponse<String> response = send(app, path, false);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private String post(SampleAppProcess app, String path) throws IOException, InterruptedException {
		HttpResponse<String> response = send(app, path, true);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private HttpResponse<String> send(SampleAppProcess app, String path, boolean post)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port(app) + path))
			.timeout(Duration.ofSeconds(10));
		if (post) {
			request.POST(HttpRequest.BodyPublishers.noBody());
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	// The sample app runs on port 0: every run of the application, first or refreshed,
	// logs its own port.
	private static int port(SampleAppProcess app) {
		Matcher matcher = PORT.matcher(app.log());
		int port = -1;
		while (matcher.find()) {
			port = Integer.parseInt(matcher.group(1));
		}
		return port;
	}

	private DocumentContext awaitHistoryHead(SampleAppProcess app, String outcome) {
		DocumentContext[] report = new DocumentContext[1];
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).ignoreExceptions().until(() -> {
			report[0] = JsonPath.parse(get(app, "/actuator/hotreload"));
			return outcome.equals(report[0].read("$.history[0].outcome", String.class));
		});
		return report[0];
	}

	private static void assertNoRestartFor(SampleAppProcess app, int starts) {
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(10))
			.until(() -> count(app.log(), "Started SampleApplication") == starts);
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int index = text.indexOf(part); index != -1; index = text.indexOf(part, index + 1)) {
			count++;
		}
		return count;
	}

	private static Path sampleSource(String className) {
		return Path.of(System.getProperty("sample.sources"), className.replace('.', '/') + ".java");
	}

	private static void moveIn(Path compiled, Path classes, String className) throws IOException {
		Files.move(compiled, classes.resolve(className.replace('.', '/') + ".class"),
				StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	// DevTools is a test dependency of this module: only the test of the partner mode
	// puts it on the application's class path.
	private static List<String> libraries(boolean devTools) throws URISyntaxException {
		String sample = SampleClasses.location().toString();
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !Path.of(entry).toAbsolutePath().toString().equals(sample))
			.filter((entry) -> devTools || !Path.of(entry).getFileName().toString().startsWith("spring-boot-devtools"))
			.toList();
	}

}
