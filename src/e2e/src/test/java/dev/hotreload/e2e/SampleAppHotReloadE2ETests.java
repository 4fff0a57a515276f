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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the sample application as a separate JVM on the {@code dev} profile, recompiles
 * one of its beans again and again as an IDE would, and checks over HTTP that each change
 * is served while the in-memory state goes on; a broken class file is reported and the
 * last good code keeps serving. Prints the change-to-new-code latency it observed.
 */
class SampleAppHotReloadE2ETests {

	private static final String BEAN = "dev.hotreload.sample.VisitCounter";

	private static final String GREETING = "Hello, visitor #";

	private static final int CHANGES = 10;

	private static final int WARM_UP_SAVES = 3;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@TempDir
	Path temp;

	private int port;

	@Test
	void changedBeanIsServedWithItsStateKept() throws Exception {
		Path classes = SampleClasses.extract(this.temp.resolve("target/classes"));
		String original = Files.readString(sampleSource());
		assertThat(original).contains(GREETING);
		try (SampleAppProcess app = SampleAppProcess.start(classes, libraries(), this.temp.resolve("app.log"))) {
			this.port = app.port();
			long visits = 0;
			for (int i = 0; i < 3; i++) {
				visits = assertNextVisit(visits, GREETING);
			}
			List<Double> latencies = new ArrayList<>();
			for (int change = 1; change <= CHANGES; change++) {
				String greeting = "Hi " + change + ", visitor #";
				Path compiled = compile(original.replace(GREETING, greeting), this.temp.resolve("staging-" + change));
				long start = System.nanoTime();
				Files.move(compiled, classes.resolve(BEAN.replace('.', '/') + ".class"),
						StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				long[] visit = { visits };
				await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(2)).until(() -> {
					String message = visit().message();
					visit[0]++;
					return message.startsWith(greeting);
				});
				latencies.add((System.nanoTime() - start) / 1_000_000.0);
				visits = visit[0];
				visits = assertNextVisit(visits, greeting);
			}
			String bean = get("/actuator/hotreload/visitCounter");
			assertThat(JsonPath.parse(bean).read("$.generation", Integer.class)).isEqualTo(CHANGES + 1);
			assertThat(JsonPath.<List<String>>read(bean, "$.history[*].outcome")).hasSize(CHANGES)
				.containsOnly("RELOADED");
			assertThat(JsonPath.<List<List<String>>>read(bean, "$.history[*].fields.kept"))
				.allSatisfy((kept) -> assertThat(kept).contains("visits"));
			report("class file change to new code over HTTP", latencies);

			Path classFile = classes.resolve(BEAN.replace('.', '/') + ".class");
			byte[] good = Files.readAllBytes(classFile);
			Files.write(classFile, Arrays.copyOf(good, good.length / 2));
			await().atMost(Duration.ofSeconds(20))
				.until(() -> "FAILED".equals(JsonPath.parse(get("/actuator/hotreload/visitCounter"))
					.read("$.history[0].outcome", String.class)));
			String failed = get("/actuator/hotreload/visitCounter");
			assertThat(JsonPath.parse(failed).read("$.history[0].failure.type", String.class))
				.isEqualTo("ClassFormatError");
			assertThat(JsonPath.parse(failed).read("$.generation", Integer.class)).isEqualTo(CHANGES + 1);
			visits = assertNextVisit(visits, "Hi " + CHANGES + ", visitor #");
			assertThat(app.log()).contains("Reload of 'visitCounter'", "keeps serving");
		}
	}

	@Test
	void savedSourceIsCompiledAndServedWithItsStateKept() throws Exception {
		// The layout of a Maven module, so that source mode finds src/main/java next to
		// target/classes, as it does for ./mvnw spring-boot:run.
		Path classes = SampleClasses.extract(this.temp.resolve("target/classes"));
		Path source = this.temp.resolve("src/main/java").resolve(BEAN.replace('.', '/') + ".java");
		Files.createDirectories(source.getParent());
		String original = Files.readString(sampleSource());
		Files.writeString(source, original);
		try (SampleAppProcess app = SampleAppProcess.start(classes, libraries(), this.temp.resolve("app.log"))) {
			this.port = app.port();
			await().atMost(Duration.ofSeconds(30)).until(() -> app.log().contains("Source mode is on"));
			long visits = assertNextVisit(0, GREETING);
			List<Double> latencies = new ArrayList<>();
			for (int change = 1; change <= WARM_UP_SAVES + CHANGES; change++) {
				String greeting = "Saved " + change + ", visitor #";
				long start = System.nanoTime();
				Files.writeString(source, original.replace(GREETING, greeting));
				long[] visit = { visits };
				await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(2)).until(() -> {
					String message = visit().message();
					visit[0]++;
					return message.startsWith(greeting);
				});
				if (change > WARM_UP_SAVES) {
					latencies.add((System.nanoTime() - start) / 1_000_000.0);
				}
				visits = assertNextVisit(visit[0], greeting);
			}
			report("source file saved to new code over HTTP (source mode)", latencies);

			Files.writeString(source, original.replace("return new Visit", "return new Visitt"));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> "FAILED".equals(JsonPath.parse(get("/actuator/hotreload/visitCounter"))
					.read("$.history[0].outcome", String.class)));
			DocumentContext failed = JsonPath.parse(get("/actuator/hotreload/visitCounter"));
			assertThat(failed.read("$.history[0].failure.type", String.class)).isEqualTo("CompilationError");
			assertThat(failed.read("$.history[0].failure.diagnostics[0].file", String.class))
				.isEqualTo(BEAN.replace('.', '/') + ".java");
			assertThat(app.log()).contains(BEAN.replace('.', '/') + ".java:");
			visits = assertNextVisit(visits, "Saved " + (WARM_UP_SAVES + CHANGES) + ", visitor #");
		}
	}

	@Test
	void plainControllerIsRedefinedInPlaceThroughTheStartersJavaAgent() throws Exception {
		String controller = "dev.hotreload.sample.SampleController";
		Path classes = SampleClasses.extract(this.temp.resolve("target/classes"));
		List<String> libraries = libraries();
		String agentJar = libraries.stream()
			.filter((entry) -> Path.of(entry).getFileName().toString().startsWith("hotreload-spring-boot-autoconfigure")
					&& entry.endsWith(".jar"))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No autoconfigure jar on " + libraries));
		String original = Files
			.readString(Path.of(System.getProperty("sample.sources"), controller.replace('.', '/') + ".java"));
		String edited = original.replace("return this.visitCounter.visit();",
				"Visit visit = this.visitCounter.visit(); return new Visit(visit.number(), visit.message() + \"!\");");
		assertThat(edited).isNotEqualTo(original);
		// Dynamic attach refused, as JDK 21+ will by default: only the -javaagent can
		// help.
		try (SampleAppProcess app = SampleAppProcess.start(classes, libraries, this.temp.resolve("app.log"),
				List.of("-XX:-EnableDynamicAgentLoading", "-javaagent:" + agentJar))) {
			this.port = app.port();
			long visits = assertNextVisit(0, GREETING);
			Path compiled = SampleClasses.compile(controller, edited, this.temp.resolve("staging"));
			long start = System.nanoTime();
			Files.move(compiled, classes.resolve(controller.replace('.', '/') + ".class"),
					StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			long[] visit = { visits };
			await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(2)).until(() -> {
				String message = visit().message();
				visit[0]++;
				return message.endsWith("!");
			});
			report("plain controller redefined in place (-javaagent)",
					List.of((System.nanoTime() - start) / 1_000_000.0));
			// The record is added once the redefinition is done, a moment after the new
			// code runs.
			await().atMost(Duration.ofSeconds(10))
				.until(() -> JsonPath.parse(get("/actuator/hotreload")).read("$.history[*].outcome", List.class),
						(outcomes) -> !outcomes.isEmpty());
			DocumentContext report = JsonPath.parse(get("/actuator/hotreload"));
			assertThat(report.read("$.history[0].outcome", String.class)).isEqualTo("REDEFINED");
			assertThat(report.read("$.history[0].classes", List.class)).containsExactly(controller);
			assertThat(report.read("$.history[0].verdicts[0].category", String.class)).isEqualTo("REDEFINE");
			Visit next = visit();
			assertThat(next.number()).as("the count goes on").isEqualTo(visit[0] + 1);
			assertThat(next.message()).isEqualTo(GREETING + next.number() + "!");
			assertThat(app.log()).contains("Redefined 1 class in place in").doesNotContain("cannot redefine");
		}
	}

	private static Path sampleSource() {
		return Path.of(System.getProperty("sample.sources"), BEAN.replace('.', '/') + ".java");
	}

	private long assertNextVisit(long visits, String greeting) throws Exception {
		Visit visit = visit();
		assertThat(visit.number()).isEqualTo(visits + 1);
		assertThat(visit.message()).isEqualTo(greeting + visit.number());
		return visit.number();
	}

	private Visit visit() throws Exception {
		String body = get("/hello");
		DocumentContext json = JsonPath.parse(body);
		return new Visit(json.read("$.number", Long.class), json.read("$.message", String.class));
	}

	private String get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build();
		HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private static void report(String what, List<Double> latencies) {
		List<Double> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		System.out.printf(Locale.ROOT, "Sample app, %s, %d changes: p50 %.1f ms, max %.1f ms, all %s%n", what,
				sorted.size(), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1),
				latencies.stream().map((value) -> String.format(Locale.ROOT, "%.1f", value)).toList());
	}

	// Compile next to the class directory, then move the class file in, as an IDE's
	// build writes a finished file.
	private static Path compile(String source, Path staging) throws IOException {
		return SampleClasses.compile(BEAN, source, staging);
	}

	private static List<String> libraries() throws URISyntaxException {
		String sample = SampleClasses.location().toString();
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !Path.of(entry).toAbsolutePath().toString().equals(sample))
			.filter((entry) -> !Path.of(entry).getFileName().toString().startsWith("spring-boot-devtools"))
			.toList();
	}

	private record Visit(long number, String message) {

	}

}
