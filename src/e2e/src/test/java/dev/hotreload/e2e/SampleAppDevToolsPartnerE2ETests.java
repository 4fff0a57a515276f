package dev.hotreload.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the sample application from its {@code main} method with DevTools on the class
 * path and the {@code dev} profile, as a developer runs it from an IDE, and edits its
 * class directory: a configuration file, a template, a message bundle and a static file
 * are each served without a DevTools restart, the visit counter counting on, while a new
 * {@code banner.txt}, which hot reload leaves to DevTools, restarts the application
 * exactly once.
 */
class SampleAppDevToolsPartnerE2ETests {

	private static final String STARTED = "Started SampleApplication";

	private static final Pattern VISITOR = Pattern.compile("Hello, visitor #(\\d+)");

	// DevTools polls the class path every second and restarts after a quiet period of
	// 400 ms: past this, a restart for an edit would have begun.
	private static final Duration RESTART_WINDOW = Duration.ofSeconds(3);

	private static final Duration SERVED = Duration.ofSeconds(20);

	// Kept when the test fails, with the application's log.
	@TempDir(cleanup = CleanupMode.ON_SUCCESS)
	Path temp;

	@Test
	void resourceEditsAreServedWithoutRestartAndAFileLeftToDevToolsRestartsOnce() throws Exception {
		Path classes = SampleClasses.extract(this.temp.resolve("target/classes"));
		List<String> libraries = SampleClasses.libraries(true);
		// DevTools loads every class directory of the class path anew at a restart, so
		// hot reload's own classes, as a reactor's "test" phase gives them, would lose
		// what must outlive the restart; a user has them in a jar.
		assertThat(libraries).as("hot reload in jars, as after 'package' (run 'verify')")
			.noneMatch((entry) -> Files.isDirectory(Path.of(entry, "dev/hotreload/refresh")));
		try (SampleAppProcess app = SampleAppProcess.start(classes, libraries, this.temp.resolve("app.log"), List.of(),
				List.of("--spring.devtools.livereload.enabled=false"))) {
			AppHttp http = new AppHttp(app);
			long visits = lastVisitor(awaitAnswer(http, "/hello", (body) -> body.contains("Hello, visitor #")));
			assertThat(app.log()).contains("restartedMain")
				.contains("DevTools restarts the application only for changes that hot reload cannot apply");
			assertThat(count(app.log(), STARTED)).isEqualTo(1);
			visits = nextVisit(http, visits);

			edit(classes.resolve("application.properties"), "sample.greeting=Hello from application.properties",
					"sample.greeting=Edited next to DevTools");
			awaitAnswer(http, "/greeting", "Edited next to DevTools"::equals);
			visits = assertNoRestart(app, http, visits);
			assertThat(http.get("/actuator/hotreload").json().read("$.history[0].outcome", String.class))
				.isEqualTo("RECONFIGURED");

			edit(classes.resolve("templates/visits.html"), "<h1 th:text=\"${greeting}\">Hello</h1>",
					"<h1 th:text=\"${greeting}\">Hello</h1>\n<p id=\"edited\">Template edited next to DevTools</p>");
			String page = awaitAnswer(http, "/visits", (body) -> body.contains("Template edited next to DevTools"));
			assertThat(page).contains("Edited next to DevTools");
			visits = assertNoRestart(app, http, lastVisitor(page));

			edit(classes.resolve("messages.properties"), "visits.tagline=A colony that grows while you edit",
					"visits.tagline=A message edited next to DevTools");
			page = awaitAnswer(http, "/visits", (body) -> body.contains("A message edited next to DevTools"));
			visits = assertNoRestart(app, http, lastVisitor(page));

			edit(classes.resolve("static/visits.css"), "margin: 2em;", "margin: 3em;");
			awaitAnswer(http, "/visits.css", (body) -> body.contains("margin: 3em;"));
			visits = assertNoRestart(app, http, visits);

			// Read only at startup, and neither a class, a configuration file nor a
			// message bundle: hot reload leaves it to DevTools' patterns.
			writeAtomically(classes.resolve("banner.txt"), "A banner written next to DevTools\n");
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> count(app.log(), STARTED) == 2);
			await().during(RESTART_WINDOW)
				.atMost(RESTART_WINDOW.plusSeconds(10))
				.until(() -> count(app.log(), STARTED) == 2);
			// The restart is hot reload's full refresh: the count goes on, and the edited
			// files are what the new run loaded.
			awaitAnswer(http, "/greeting", "Edited next to DevTools"::equals);
			assertThat(nextVisit(http, visits)).isEqualTo(visits + 1);
			assertThat(http.get("/visits").body()).contains("Template edited next to DevTools",
					"A message edited next to DevTools");
			assertThat(count(app.log(), STARTED)).isEqualTo(2);
		}
	}

	// Waits past DevTools' poll and quiet period, then checks that no run started and
	// that the visit counter counts on from the last visit seen.
	private static long assertNoRestart(SampleAppProcess app, AppHttp http, long visits) {
		await().during(RESTART_WINDOW)
			.atMost(RESTART_WINDOW.plusSeconds(10))
			.until(() -> count(app.log(), STARTED) == 1);
		return nextVisit(http, visits);
	}

	private static long nextVisit(AppHttp http, long visits) {
		AppHttp.Answer answer = http.get("/hello");
		assertThat(answer.ok()).as(answer.body()).isTrue();
		DocumentContext json = answer.json();
		long number = json.read("$.number", Long.class);
		assertThat(number).isEqualTo(visits + 1);
		assertThat(json.read("$.message", String.class)).isEqualTo("Hello, visitor #" + number);
		return number;
	}

	private static long lastVisitor(String page) {
		Matcher matcher = VISITOR.matcher(page);
		assertThat(matcher.find()).as(page).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	private static String awaitAnswer(AppHttp http, String path, Predicate<String> condition) {
		String[] body = new String[1];
		await().atMost(SERVED).pollInterval(Duration.ofMillis(50)).until(() -> {
			AppHttp.Answer answer = http.get(path);
			body[0] = answer.body();
			return answer.ok() && condition.test(answer.body());
		});
		return body[0];
	}

	private void edit(Path file, String from, String to) throws IOException {
		String content = Files.readString(file);
		assertThat(content).contains(from);
		writeAtomically(file, content.replace(from, to));
	}

	// As an IDE copies a resource into its build output; the temporary file is outside
	// the class directory, where DevTools' poll cannot see it and restart for it.
	private void writeAtomically(Path file, String content) throws IOException {
		Path temporary = Files.createTempFile(this.temp, "edit", ".tmp");
		Files.writeString(temporary, content);
		Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int index = text.indexOf(part); index != -1; index = text.indexOf(part, index + 1)) {
			count++;
		}
		return count;
	}

}
