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

	private static final String FROM = "demo.fix.from";

	private static final String TO = "demo.fix.to";

	// Its start moves the fixed class file into place, as a fix saved while a slow start
	// fails, and fails once the change is taken in.
	private static final String SAVES_THE_FIX_AND_FAILS = """
			if (System.getProperty("%s") != null) {
				try {
					java.nio.file.Files.move(java.nio.file.Path.of(System.getProperty("%s")),
							java.nio.file.Path.of(System.getProperty("%s")),
							java.nio.file.StandardCopyOption.REPLACE_EXISTING,
							java.nio.file.StandardCopyOption.ATOMIC_MOVE);
					java.util.concurrent.TimeUnit.MILLISECONDS.sleep(1500);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
				throw new IllegalStateException("broken on purpose");
			}
			""".formatted(FROM, FROM, TO);

	@TempDir
	Path temp;

	@AfterEach
	void clearFix() {
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
	void classFileWrittenWhileARefreshFailsStartsTheNextAttemptWhichIsRecorded() throws Exception {
		List<String> sources = new ArrayList<>(FullRefreshTests.sources(""));
		sources.addAll(List.of("demo.Service", SERVICE.formatted("")));
		try (RefreshingApplication app = RefreshingApplication.start(this.temp, sources)) {
			assertThat(app.body("/hello/ann")).isEqualTo("1 [ann] last ann of 1");
			long before = app.history().isEmpty() ? 0 : app.history().get(0).id();
			String withCheck = "public void check() {\n}\npublic Service() {";
			Path aside = Files.createDirectories(this.temp.resolve("aside"));
			TestCompiler.compile(aside,
					Map.of("demo.Service", SERVICE.formatted("").replace("public Service() {", withCheck)));
			Path fix = Files.copy(aside.resolve("demo/Service.class"), app.classes().resolve("Service.fix"));
			System.setProperty(FROM, fix.toString());
			System.setProperty(TO, app.classes().resolve("demo/Service.class").toString());
			// A new method: only a refresh applies it, and its start fails.
			app.compile("demo.Service",
					SERVICE.formatted(SAVES_THE_FIX_AND_FAILS).replace("public Service() {", withCheck));
			await().atMost(Duration.ofSeconds(90))
				.until(() -> app.history()
					.stream()
					.anyMatch((record) -> record.id() > before && record.outcome() == Outcome.REFRESHED));
			List<ReloadRecord> since = app.history().stream().filter((record) -> record.id() > before).toList();
			assertThat(since).extracting(ReloadRecord::outcome).containsExactly(Outcome.REFRESHED, Outcome.FAILED);
			assertThat(since.get(1).failure().message()).contains("broken on purpose");
			assertThat(since.get(0).id()).isGreaterThan(since.get(1).id());
			assertThat(fix).doesNotExist();
			assertThat(app.body("/hello/bob")).isEqualTo("2 [ann, bob] last bob of 1");
		}
	}

}
