package dev.hotreload.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.jayway.jsonpath.DocumentContext;
import dev.hotreload.HotReloadable;
import dev.hotreload.e2e.AppHttp.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootVersion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs a small Spring Boot application from the {@code target/classes} of a Maven project
 * of its own, in a JVM of its own, and changes it with a real {@code mvn compile} (the
 * project's Maven wrapper, offline, with the compiler plugin's default settings:
 * incremental compilation on) while requests go on: a change of method bodies is served
 * with no failed request, no 404 and no refresh, and the counter of a reloadable bean
 * goes on; a new {@code @GetMapping} is served after exactly one refresh, with the
 * counter kept. Source mode is off, so that the class files are Maven's. Prints what it
 * measured.
 */
class MavenCompileE2ETests {

	private static final String POM = """
			<?xml version="1.0" encoding="UTF-8"?>
			<project xmlns="http://maven.apache.org/POM/4.0.0"
			         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
			         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
			    <modelVersion>4.0.0</modelVersion>
			    <groupId>demo</groupId>
			    <artifactId>demo</artifactId>
			    <version>1.0</version>
			    <properties>
			        <maven.compiler.release>17</maven.compiler.release>
			        <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
			    </properties>
			    <dependencyManagement>
			        <dependencies>
			            <dependency>
			                <groupId>org.springframework.boot</groupId>
			                <artifactId>spring-boot-dependencies</artifactId>
			                <version>%s</version>
			                <type>pom</type>
			                <scope>import</scope>
			            </dependency>
			        </dependencies>
			    </dependencyManagement>
			    <dependencies>
			        <dependency>
			            <groupId>org.springframework.boot</groupId>
			            <artifactId>spring-boot-starter-webmvc</artifactId>
			        </dependency>
			        <!-- For @HotReloadable only: this build's own jar, which no repository has -->
			        <dependency>
			            <groupId>dev.hotreload</groupId>
			            <artifactId>hotreload-spring-boot-autoconfigure</artifactId>
			            <version>0</version>
			            <scope>system</scope>
			            <systemPath>%s</systemPath>
			        </dependency>
			    </dependencies>
			    <build>
			        <plugins>
			            <!-- The versions this build uses, so that they resolve offline; their
			                 configuration is the default one -->
			            <plugin>
			                <groupId>org.apache.maven.plugins</groupId>
			                <artifactId>maven-compiler-plugin</artifactId>
			                <version>3.14.0</version>
			            </plugin>
			            <plugin>
			                <groupId>org.apache.maven.plugins</groupId>
			                <artifactId>maven-resources-plugin</artifactId>
			                <version>3.3.1</version>
			            </plugin>
			        </plugins>
			    </build>
			</project>
			""";

	private static final String APPLICATION = """
			package demo;

			import org.springframework.boot.SpringApplication;
			import org.springframework.boot.autoconfigure.SpringBootApplication;

			@SpringBootApplication
			public class DemoApplication {

				public static void main(String[] args) {
					SpringApplication.run(DemoApplication.class, args);
				}

			}
			""";

	private static final String COUNTER = """
			package demo;

			import dev.hotreload.HotReloadable;

			import org.springframework.stereotype.Component;

			@Component
			@HotReloadable
			public class Counter {

				private long count;

				public synchronized long increment() {
					this.count++;
					return this.count;
				}

				public synchronized long count() {
					return this.count;
				}

				public String describe() {
					return "counted v1";
				}

			}
			""";

	private static final String CONTROLLER = """
			package demo;

			import org.springframework.web.bind.annotation.GetMapping;
			import org.springframework.web.bind.annotation.PostMapping;
			import org.springframework.web.bind.annotation.RestController;

			@RestController
			public class GreetingController {

				private final Counter counter;

				public GreetingController(Counter counter) {
					this.counter = counter;
				}

				@GetMapping("/greeting")
				public String greeting() {
					return "Hello v1, " + this.counter.describe();
				}

				@PostMapping("/count")
				public long count() {
					return this.counter.increment();
				}

			}
			""";

	private static final String FAREWELL = """

				@GetMapping("/farewell")
				public String farewell() {
					return "Goodbye after " + this.counter.count() + " counts";
				}

			}
			""";

	@TempDir
	Path temp;

	@Test
	void mvnCompileAppliesABodyChangeHotAndANewEndpointWithOneRefresh() throws Exception {
		Path project = this.temp.resolve("demo");
		Path sources = project.resolve("src/main/java/demo");
		Files.createDirectories(sources);
		Files.writeString(project.resolve("pom.xml"),
				POM.formatted(SpringBootVersion.getVersion(), autoconfigureJar()));
		Files.writeString(sources.resolve("DemoApplication.java"), APPLICATION);
		Files.writeString(sources.resolve("Counter.java"), COUNTER);
		Files.writeString(sources.resolve("GreetingController.java"), CONTROLLER);
		Build initial = mvnCompile(project, "initial");
		assertThat(initial.exitCode()).as("mvn compile of the new project:\n" + initial.output()).isZero();
		Path classes = project.resolve("target/classes");
		try (SampleAppProcess app = SampleAppProcess.start("demo.DemoApplication", classes, SampleClasses.libraries(),
				this.temp.resolve("app.log"), List.of(),
				List.of("--server.port=0", "--spring.profiles.active=dev", "--hotreload.source.enabled=false",
						"--management.endpoints.web.exposure.include=health,hotreload"))) {
			AppHttp http = new AppHttp(app);
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> "Hello v1, counted v1".equals(http.get("/greeting").body()));
			long counted = 0;
			for (int i = 0; i < 3; i++) {
				counted = Long.parseLong(http.post("/count").body());
			}
			assertThat(counted).isEqualTo(3);

			// A change of method bodies: the controller's is redefined, the reloadable
			// counter gets a new generation.
			Files.writeString(sources.resolve("GreetingController.java"), CONTROLLER.replace("Hello v1", "Hello v2"));
			Files.writeString(sources.resolve("Counter.java"), COUNTER.replace("counted v1", "counted v2"));
			int refreshesBefore = refreshes(http.awaitQuiet(Duration.ofSeconds(1), Duration.ofSeconds(30)));
			Requests bodyRequests = Requests.start(http, counted);
			Build body = mvnCompile(project, "body");
			assertThat(body.exitCode()).as("mvn compile:\n" + body.output()).isZero();
			long served = bodyRequests.awaitFirst("Hello v2, counted v2", Duration.ofSeconds(30));
			DocumentContext report = http.awaitQuiet(Duration.ofSeconds(7), Duration.ofSeconds(60));
			bodyRequests.stop();
			System.out.printf(Locale.ROOT,
					"mvn compile of a body change: build %.0f ms (class files deleted for %.0f ms), new body served %.0f ms after the build started "
							+ "(%+.0f ms from its end); %d requests while it built and until quiet, by status %s%n",
					body.millis(), body.deletedMillis(), (served - body.startNanos()) / 1e6,
					(served - body.endNanos()) / 1e6, bodyRequests.answers().size(), bodyRequests.byStatus());
			assertThat(bodyRequests.answers()).as("answers during and after the build")
				.allSatisfy((answer) -> assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
			bodyRequests.assertCountsGoOn(true);
			assertThat(refreshes(report)).as("refreshes for a change of method bodies").isEqualTo(refreshesBefore);
			assertThat(report.read("$.history[*].outcome", List.class)).contains("REDEFINED", "RELOADED");
			assertThat(report.read("$.history[?(@.outcome == 'REDEFINED')].classes[*]", List.class))
				.contains("demo.GreetingController");
			assertThat(report.read("$.history[?(@.outcome == 'RELOADED')].bean", List.class)).contains("counter");
			counted = bodyRequests.lastCount();

			// A new endpoint on the plain controller: only a refresh applies it.
			Files.writeString(sources.resolve("GreetingController.java"), withFarewell());
			Requests shapeRequests = Requests.start(http, counted);
			Build shape = mvnCompile(project, "shape");
			assertThat(shape.exitCode()).as("mvn compile:\n" + shape.output()).isZero();
			long farewell = shapeRequests.awaitFirst("Goodbye after ", Duration.ofSeconds(90));
			report = http.awaitQuiet(Duration.ofSeconds(7), Duration.ofSeconds(60));
			shapeRequests.stop();
			System.out.printf(Locale.ROOT,
					"mvn compile of a new @GetMapping: build %.0f ms (class files deleted for %.0f ms), new endpoint served %.0f ms after the build "
							+ "started (%+.0f ms from its end); %d requests while it built, refreshed and until quiet, "
							+ "by status %s%n",
					shape.millis(), shape.deletedMillis(), (farewell - shape.startNanos()) / 1e6,
					(farewell - shape.endNanos()) / 1e6, shapeRequests.answers().size(), shapeRequests.byStatus());
			assertThat(refreshes(report)).as("refreshes for a new endpoint").isEqualTo(refreshesBefore + 1);
			assertThat(report.read("$.history[?(@.outcome == 'REFRESHED')].trigger", List.class))
				.containsOnly("FILE_CHANGE");
			assertThat(report.read("$.history[?(@.outcome == 'REFRESHED')].classes[*]", List.class))
				.contains("demo.GreetingController");
			assertThat(report.read("$.history[?(@.outcome == 'FAILED')]", List.class)).isEmpty();
			assertThat(shapeRequests.answers()).as("answers that are neither served nor refused during the refresh")
				.allSatisfy((answer) -> assertThat(answer.status()).as(answer.toString()).isIn(200, -1));
			shapeRequests.assertCountsGoOn(false);
			long next = Long.parseLong(http.post("/count").body());
			assertThat(next).as("the counter goes on after the refresh").isGreaterThan(shapeRequests.lastCount());
			assertThat(http.get("/farewell").body()).isEqualTo("Goodbye after " + next + " counts");
			assertThat(http.get("/greeting").body()).isEqualTo("Hello v2, counted v2");
		}
		finally {
			Path log = this.temp.resolve("app.log");
			if (Files.exists(log)) {
				Files.createDirectories(Path.of("target"));
				Files.copy(log, Path.of("target", "maven-compile-app.log"), StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}

	private static String withFarewell() {
		String controller = CONTROLLER.replace("Hello v1", "Hello v2");
		return controller.substring(0, controller.lastIndexOf('}')) + FAREWELL.substring(1);
	}

	private static int refreshes(DocumentContext report) {
		return report.read("$.history[?(@.outcome == 'REFRESHED')]", List.class).size();
	}

	private static String autoconfigureJar() throws Exception {
		Path location = Path.of(HotReloadable.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		assertThat(location).as("hot reload's classes, as a jar of this build").isRegularFile();
		return location.toAbsolutePath().toString();
	}

	// The Maven of this build, on the generated project, offline, as a developer runs it
	// in a second terminal.
	private Build mvnCompile(Path project, String name) throws IOException, InterruptedException {
		Path output = this.temp.resolve("mvn-" + name + ".log");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("hotreload.mvnw")).toAbsolutePath().toString(), "-B", "-q", "-o"));
		String repository = System.getProperty("hotreload.maven.repo.local");
		if (repository != null && !repository.isEmpty()) {
			command.add("-Dmaven.repo.local=" + repository);
		}
		command.add("compile");
		ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		Map<String, String> environment = builder.environment();
		environment.put("JAVA_HOME", System.getProperty("java.home"));
		environment.keySet().removeIf((variable) -> variable.startsWith("MAVEN_"));
		List<Path> classFiles = new ArrayList<>();
		if (Files.isDirectory(project.resolve("target/classes"))) {
			try (Stream<Path> files = Files.walk(project.resolve("target/classes"))) {
				files.filter((file) -> file.toString().endsWith(".class")).forEach(classFiles::add);
			}
		}
		long start = System.nanoTime();
		Process process = builder.start();
		// How long the build leaves its class files deleted, looked at every few ms.
		long missingSince = 0;
		long missingNanos = 0;
		while (!process.waitFor(5, TimeUnit.MILLISECONDS)) {
			boolean missing = classFiles.stream().anyMatch((file) -> !Files.exists(file));
			if (missing && missingSince == 0) {
				missingSince = System.nanoTime();
			}
			else if (!missing && missingSince != 0) {
				missingNanos += System.nanoTime() - missingSince;
				missingSince = 0;
			}
			if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(3)) {
				process.destroyForcibly().waitFor();
			}
		}
		long end = System.nanoTime();
		return new Build(process.exitValue(), Files.readString(output), start, end, missingNanos / 1e6);
	}

	/**
	 * One {@code mvn compile}.
	 *
	 * @param exitCode how Maven ended
	 * @param output what it printed
	 * @param startNanos when it was started
	 * @param endNanos when it ended
	 * @param deletedMillis how long some of the class files that were there before it
	 * were missing while it ran
	 */
	private record Build(int exitCode, String output, long startNanos, long endNanos, double deletedMillis) {

		double millis() {
			return (this.endNanos - this.startNanos) / 1e6;
		}

	}

	/**
	 * Requests sent one after the other on a thread of their own while a build runs, a
	 * greeting and a count in turn, every answer kept.
	 */
	private static final class Requests {

		private final AppHttp http;

		private final List<Timed> answers = new CopyOnWriteArrayList<>();

		private final Thread thread;

		private final long countBefore;

		private volatile boolean stopped;

		private Requests(AppHttp http, long countBefore) {
			this.http = http;
			this.countBefore = countBefore;
			this.thread = new Thread(this::run, "requests");
		}

		static Requests start(AppHttp http, long countBefore) {
			Requests requests = new Requests(http, countBefore);
			requests.thread.start();
			return requests;
		}

		private void run() {
			boolean count = false;
			while (!this.stopped) {
				Answer answer = count ? this.http.post("/count") : this.http.get("/greeting");
				this.answers.add(new Timed(count ? "POST /count" : "GET /greeting", answer, System.nanoTime()));
				if (!count) {
					Answer farewell = this.http.get("/farewell");
					if (farewell.status() != 404) {
						this.answers.add(new Timed("GET /farewell", farewell, System.nanoTime()));
					}
				}
				count = !count;
				try {
					// The pace of the requests, not a wait for a result.
					TimeUnit.MILLISECONDS.sleep(20);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

		// When the first answer that starts with the text came.
		long awaitFirst(String text, Duration atMost) {
			long[] first = new long[1];
			await().atMost(atMost).pollInterval(Duration.ofMillis(20)).until(() -> {
				for (Timed timed : this.answers) {
					if (timed.answer().ok() && timed.answer().body().startsWith(text)) {
						first[0] = timed.nanos();
						return true;
					}
				}
				return false;
			});
			return first[0];
		}

		void stop() throws InterruptedException {
			this.stopped = true;
			this.thread.join(10_000);
		}

		List<Answer> answers() {
			return this.answers.stream()
				.filter((timed) -> !timed.request().equals("GET /farewell") || timed.answer().ok())
				.map(Timed::answer)
				.toList();
		}

		Map<String, Long> byStatus() {
			return this.answers.stream()
				.collect(Collectors.groupingBy((timed) -> timed.request() + " " + timed.answer().status(), TreeMap::new,
						Collectors.counting()));
		}

		// Every count acknowledged is more than the one before, one more when every
		// request was answered: none was lost.
		void assertCountsGoOn(boolean everyOneAnswered) {
			List<Long> counts = counts();
			long previous = this.countBefore;
			for (long count : counts) {
				if (everyOneAnswered) {
					assertThat(count).as("count after " + previous + " in " + counts).isEqualTo(previous + 1);
				}
				else {
					assertThat(count).as("count after " + previous + " in " + counts).isGreaterThan(previous);
				}
				previous = count;
			}
		}

		long lastCount() {
			List<Long> counts = counts();
			return counts.isEmpty() ? this.countBefore : counts.get(counts.size() - 1);
		}

		private List<Long> counts() {
			return this.answers.stream()
				.filter((timed) -> timed.request().equals("POST /count") && timed.answer().ok())
				.map((timed) -> Long.parseLong(timed.answer().body().trim()))
				.toList();
		}

	}

	/**
	 * An answer and when it came.
	 *
	 * @param request what was asked
	 * @param answer the answer
	 * @param nanos when it came, as {@link System#nanoTime()}
	 */
	private record Timed(String request, Answer answer, long nanos) {

	}

}
