package dev.hotreload.refresh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A build that deletes the class files of a running application and writes them again
 * once it compiled, as Maven's incremental compilation does with its default settings,
 * makes one change of the classes whose bytes differ, applied hot, with no refresh and no
 * moment without the application's endpoints; a class file that stays deleted waits for
 * the next refresh instead of starting one.
 */
class BuildOutputRewriteTests {

	@TempDir
	Path temp;

	@Test
	void classFilesDeletedAndWrittenAgainByABuildAreAppliedHotWithoutARefresh() throws Exception {
		try (RefreshingApplication app = RefreshingApplication.start(this.temp, FullRefreshTests.sources(""),
				"--hotreload.watch.deletion-quiet-period=5s")) {
			assertThat(app.body("/hello/ann")).isEqualTo("1 [ann] last ann of 1");
			long before = newestId(app);
			List<Path> deleted = deleteClassFiles(app);
			assertThat(deleted).hasSizeGreaterThanOrEqualTo(4);
			// While the build compiles, the running classes keep serving.
			await().during(Duration.ofSeconds(1))
				.atMost(Duration.ofSeconds(10))
				.until(() -> app.get("/actuator/hotreload").statusCode() == 200 && newestId(app) == before);
			app.compile(FullRefreshTests.sources("v2 ").toArray(String[]::new));
			await().atMost(Duration.ofSeconds(30)).until(() -> app.body("/hello/bob").startsWith("v2 "));
			assertThat(app.body("/hello/cy")).isEqualTo("v2 3 [ann, bob, cy] last cy of 3");
			List<ReloadRecord> since = app.history().stream().filter((record) -> record.id() > before).toList();
			assertThat(since).extracting(ReloadRecord::outcome).containsExactly(Outcome.RELOADED);
			assertThat(since.get(0).bean()).isEqualTo("counter");
			assertThat(JsonPath.parse(app.body("/actuator/hotreload")).read("$.pendingRefresh", List.class)).isEmpty();
		}
	}

	@Test
	void classFileThatStaysDeletedWaitsForTheNextRefreshInsteadOfStartingOne() throws Exception {
		try (RefreshingApplication app = RefreshingApplication.start(this.temp, FullRefreshTests.sources(""),
				"--hotreload.watch.deletion-quiet-period=500ms")) {
			assertThat(app.body("/hello/ann")).isEqualTo("1 [ann] last ann of 1");
			long before = newestId(app);
			Files.delete(app.classes().resolve("demo/Visitor.class"));
			// A reloadable bean's class file too: its live generation keeps serving.
			Files.delete(app.classes().resolve("demo/Counter.class"));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> JsonPath.parse(app.body("/actuator/hotreload"))
					.read("$.pendingRefresh[*].class", List.class)
					.containsAll(List.of("demo.Counter", "demo.Visitor")));
			assertThat(JsonPath.parse(app.body("/actuator/hotreload")).read("$.pendingRefresh[*].reason", List.class))
				.allSatisfy((reason) -> assertThat((String) reason).startsWith("class file deleted"));
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(10))
				.until(() -> app.history().stream().noneMatch((record) -> record.id() > before));
			assertThat(app.body("/hello/bob")).isEqualTo("2 [ann, bob] last bob of 2");
		}
	}

	private static long newestId(RefreshingApplication app) {
		List<ReloadRecord> history = app.history();
		return history.isEmpty() ? 0 : history.get(0).id();
	}

	private static List<Path> deleteClassFiles(RefreshingApplication app) throws IOException {
		List<Path> deleted = new ArrayList<>();
		try (Stream<Path> files = Files.walk(app.classes())) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".class")).toList()) {
				Files.delete(file);
				deleted.add(file);
			}
		}
		return deleted;
	}

}
