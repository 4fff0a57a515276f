package dev.hotreload.refresh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.ReloadRecord.Trigger;
import dev.hotreload.testsupport.TestCompiler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A refresh whose new context fails to start is recorded with its cause, the JVM stays
 * up, and the next change refreshes again, with the state from before the failure; a fix
 * saved while the refresh fails starts the next one at once, recorded on its own.
 */
class FailingRefreshTests {

	private static final String SERVICE = """
			package demo;
			@org.springframework.stereotype.Component
			public class Service {
				public Service() {
					%s
				}
			}
			""";

	private static final String FROM = "demo.stage.from";

	private static final String TO = "demo.stage.to";

	// Saves the fix while its own refresh runs, waits for the watcher to see it, then
	// fails.
	private static final String SAVING_SERVICE = """
			package demo;
			@org.springframework.stereotype.Component
			public class Service {
				public void check() {
				}
				public Service() throws Exception {
					java.nio.file.Path from = java.nio.file.Path.of(System.getProperty("%s"));
					java.nio.file.Path to = java.nio.file.Path.of(System.getProperty("%s"));
					java.nio.file.Files.move(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
							java.nio.file.StandardCopyOption.ATOMIC_MOVE);
					java.util.concurrent.locks.LockSupport.parkNanos(1_500_000_000L);
					throw new IllegalStateException("broken on purpose, fixed meanwhile");
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
	void failedRefreshIsRecordedAndTheNextChangeRefreshesAgain() throws Exception {
		List<String> sources = new ArrayList<>(FullRefreshTests.sources(""));
		sources.addAll(List.of("demo.Service", SERVICE.formatted("")));
		try (RefreshingApplication app = RefreshingApplication.start(this.temp, sources)) {
			assertThat(app.body("/hello/ann")).isEqualTo("1 [ann] last ann of 1");
			app.compile("demo.Service",
					SERVICE.formatted("if (true) throw new IllegalStateException(\"broken on purpose\");")
						// A new method changes the class's shape: only a refresh applies
						// it.
						.replace("public Service() {", "public void check() {\n}\npublic Service() {"));
			await().atMost(Duration.ofSeconds(60))
				.until(() -> !app.history().isEmpty() && app.history().get(0).outcome() == Outcome.FAILED);
			ReloadRecord failed = app.history().get(0);
			assertThat(failed.bean()).isNull();
			assertThat(failed.trigger()).isEqualTo(Trigger.FILE_CHANGE);
			assertThat(failed.classes()).contains("demo.Service");
			assertThat(failed.failure()).isNotNull();
			assertThat(failed.failure().message()).contains("broken on purpose");
			assertThat(app.refresher().contexts()).isEmpty();
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet()).anySatisfy((thread) -> {
					assertThat(thread.getName()).isEqualTo("hotreload-keep-alive");
					assertThat(thread.isDaemon()).isFalse();
				}));

			app.compile("demo.Service", SERVICE.formatted("System.out.println(\"fixed\");"));
			await().atMost(Duration.ofSeconds(60)).until(() -> app.history().get(0).outcome() == Outcome.REFRESHED);
			ReloadRecord refreshed = app.history().get(0);
			assertThat(refreshed.id()).isGreaterThan(failed.id());
			assertThat(refreshed.trigger()).isEqualTo(Trigger.FILE_CHANGE);
			assertThat(refreshed.classes()).contains("demo.Service");
			assertThat(app.body("/hello/bob")).isEqualTo("2 [ann, bob] last bob of 1");
			assertThat(app.history()).extracting(ReloadRecord::id).contains(failed.id(), refreshed.id());
			await().atMost(Duration.ofSeconds(10))
				.until(() -> Thread.getAllStackTraces()
					.keySet()
					.stream()
					.noneMatch((thread) -> thread.getName().equals("hotreload-keep-alive")));
		}
	}

	@Test
	void fixSavedWhileARefreshFailsStartsTheNextRefreshWhichHasARecordOfItsOwn() throws Exception {
		List<String> sources = new ArrayList<>(FullRefreshTests.sources(""));
		sources.addAll(List.of("demo.Service", SERVICE.formatted("")));
		try (RefreshingApplication app = RefreshingApplication.start(this.temp, sources)) {
			assertThat(app.body("/hello/ann")).isEqualTo("1 [ann] last ann of 1");
			long before = app.history().isEmpty() ? 0 : app.history().get(0).id();
			Path aside = Files.createDirectories(this.temp.resolve("aside"));
			TestCompiler.compile(aside, Map.of("demo.Service", SERVICE.formatted("System.out.println(\"fixed\");")));
			Path staged = Files.copy(aside.resolve("demo/Service.class"), app.classes().resolve("Service.staged"));
			System.setProperty(FROM, staged.toString());
			System.setProperty(TO, app.classes().resolve("demo/Service.class").toString());
			app.compile("demo.Service", SAVING_SERVICE);
			await().atMost(Duration.ofSeconds(90))
				.ignoreExceptions()
				.until(() -> app.history().get(0).outcome() == Outcome.REFRESHED && app.history().get(0).id() > before);
			List<ReloadRecord> since = app.history().stream().filter((record) -> record.id() > before).toList();
			assertThat(since).extracting(ReloadRecord::outcome).containsExactly(Outcome.REFRESHED, Outcome.FAILED);
			assertThat(since.get(1).failure().message()).isEqualTo("broken on purpose, fixed meanwhile");
			assertThat(app.body("/hello/bob")).isEqualTo("2 [ann, bob] last bob of 1");
		}
	}

}
