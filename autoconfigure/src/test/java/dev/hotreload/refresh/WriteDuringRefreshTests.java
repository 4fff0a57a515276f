package dev.hotreload.refresh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.testsupport.TestCompiler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A class file written while a full refresh runs, after the new run loaded the class and
 * before the new context's watcher started, is applied once the watcher has started: the
 * refresh window hands it over instead of the new watcher taking it for its baseline.
 */
class WriteDuringRefreshTests {

	private static final String FROM = "demo.stage.from";

	private static final String TO = "demo.stage.to";

	// Created after Greetings, whose class the run has loaded by then, it moves the
	// staged
	// class file of Greetings into place: as a save that lands in the middle of a
	// refresh.
	private static final String STAGER = """
			package demo;
			@org.springframework.stereotype.Component
			public class Stager implements org.springframework.beans.factory.InitializingBean {
				public Stager(Greetings greetings) {
				}
				@Override
				public void afterPropertiesSet() throws java.io.IOException {
					String from = System.getProperty("%s");
					String to = System.getProperty("%s");
					if (from != null && to != null && java.nio.file.Files.exists(java.nio.file.Path.of(from))) {
						java.nio.file.Files.move(java.nio.file.Path.of(from), java.nio.file.Path.of(to),
								java.nio.file.StandardCopyOption.REPLACE_EXISTING,
								java.nio.file.StandardCopyOption.ATOMIC_MOVE);
					}
				}
			}
			""".formatted(FROM, TO);

	@TempDir
	Path temp;

	@AfterEach
	void clearStage() {
		System.clearProperty(FROM);
		System.clearProperty(TO);
	}

	@Test
	void classFileWrittenAfterTheNewRunLoadedItsClassIsAppliedOnceTheWatcherStarted() throws Exception {
		List<String> sources = new ArrayList<>(FullRefreshTests.sources(""));
		sources.addAll(List.of("demo.Stager", STAGER));
		try (RefreshingApplication app = RefreshingApplication.start(this.temp, sources)) {
			assertThat(app.body("/hello/ann")).isEqualTo("1 [ann] last ann of 1");
			Path staged = stage(app, "return \"saved during the refresh: \" + counter.add(name);");
			long before = app.history().isEmpty() ? 0 : app.history().get(0).id();
			assertThat(app.post("/actuator/hotreload").statusCode()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(60))
				.until(() -> app.history()
					.stream()
					.anyMatch((record) -> record.id() > before && record.outcome() == Outcome.REFRESHED));
			assertThat(staged).doesNotExist();
			await().atMost(Duration.ofSeconds(30))
				.ignoreExceptions()
				.until(() -> app.body("/hello/bob").startsWith("saved during the refresh: "));
			List<ReloadRecord> since = app.history().stream().filter((record) -> record.id() > before).toList();
			assertThat(since).extracting(ReloadRecord::outcome).contains(Outcome.REDEFINED);
		}
	}

	// Compiles the new version of Greetings aside and names where the stager moves it.
	private Path stage(RefreshingApplication app, String helloBody) throws Exception {
		String greetings = FullRefreshTests.CONTROLLER.formatted("").replace("return counter.add(name);", helloBody);
		assertThat(greetings).contains(helloBody);
		Path aside = this.temp.resolve("aside");
		Map<String, String> byName = new LinkedHashMap<>();
		byName.put("demo.Greetings", greetings);
		byName.put("demo.Counter", FullRefreshTests.COUNTER.formatted(""));
		byName.put("demo.Visitor", FullRefreshTests.VISITOR);
		TestCompiler.compile(Files.createDirectories(aside), byName);
		Path staged = Files.copy(aside.resolve("demo/Greetings.class"), app.classes().resolve("Greetings.staged"));
		System.setProperty(FROM, staged.toString());
		System.setProperty(TO, app.classes().resolve("demo/Greetings.class").toString());
		return staged;
	}

}
