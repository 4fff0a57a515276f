package dev.hotreload.refresh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A refresh that meets a build which deleted the class files to write them again (as
 * Maven's incremental compilation does) starts the application once they are back, so
 * that the new run has all its classes and beans and takes the state of the previous one;
 * a build that deletes them while the new run starts makes the refresh start it again.
 */
class BuildDuringRefreshTests {

	private static final List<String> BUILT = List.of("demo/Greetings.class", "demo/Counter.class",
			"demo/Visitor.class");

	private static final String ONCE = "demo.gap.once";

	// Run as the refreshed application starts, before its component scan: deletes the
	// class files it is told to and writes them back a second later, as a build does that
	// starts at that moment.
	private static final String GAP = """
			package demo;
			public class Gap implements org.springframework.context.ApplicationContextInitializer<
					org.springframework.context.ConfigurableApplicationContext> {
				@Override
				public void initialize(org.springframework.context.ConfigurableApplicationContext context) {
					String names = System.getProperty("%s");
					if (names == null) {
						return;
					}
					System.clearProperty("%s");
					java.nio.file.Path classes = java.nio.file.Path.of(
							context.getClassLoader().getResource("demo/App.class").getPath()).getParent();
					java.util.Map<java.nio.file.Path, byte[]> built = new java.util.LinkedHashMap<>();
					try {
						for (String name : names.split(",")) {
							java.nio.file.Path file = classes.resolve(name + ".class");
							built.put(file, java.nio.file.Files.readAllBytes(file));
							java.nio.file.Files.delete(file);
						}
					}
					catch (java.io.IOException ex) {
						throw new IllegalStateException(ex);
					}
					Thread build = new Thread(() -> {
						try {
							java.util.concurrent.TimeUnit.SECONDS.sleep(1);
							for (java.util.Map.Entry<java.nio.file.Path, byte[]> file : built.entrySet()) {
								java.nio.file.Files.write(file.getKey(), file.getValue());
							}
						}
						catch (Exception ex) {
							throw new IllegalStateException(ex);
						}
					});
					build.start();
				}
			}
			""".formatted(ONCE, ONCE);

	@TempDir
	Path temp;

	@AfterEach
	void clearOnce() {
		System.clearProperty(ONCE);
	}

	@Test
	void refreshAskedForWhileABuildRewritesTheClassFilesStartsTheApplicationOnceTheyAreBack() throws Exception {
		try (RefreshingApplication app = RefreshingApplication.start(this.temp, FullRefreshTests.sources(""))) {
			assertThat(app.body("/hello/ann")).isEqualTo("1 [ann] last ann of 1");
			long before = newestId(app);
			Map<Path, byte[]> built = new LinkedHashMap<>();
			for (String name : BUILT) {
				Path file = app.classes().resolve(name);
				built.put(file, Files.readAllBytes(file));
				Files.delete(file);
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> app.refresher().intake().awaitsDeletedFiles());
			long id = JsonPath.parse(app.post("/actuator/hotreload").body()).read("$.id", Long.class);
			// While the build compiles, the running application keeps serving.
			await().during(Duration.ofSeconds(1))
				.atMost(Duration.ofSeconds(10))
				.until(() -> app.get("/actuator/hotreload").statusCode() == 200 && newestId(app) == before);
			for (Map.Entry<Path, byte[]> file : built.entrySet()) {
				Files.write(file.getKey(), file.getValue());
			}
			assertThat(app.awaitRecord(id).outcome()).isEqualTo(Outcome.REFRESHED);
			assertThat(app.history().stream().filter((record) -> record.id() > before))
				.extracting(ReloadRecord::outcome)
				.containsExactly(Outcome.REFRESHED);
			assertThat(app.awaitRecord(id).carried().get("counter").kept()).contains("count", "names");
			assertThat(app.body("/hello/bob")).isEqualTo("2 [ann, bob] last bob of 1");
		}
	}

	@Test
	void classFilesDeletedWhileTheRefreshedApplicationStartsMakeTheRefreshStartItAgain() throws Exception {
		// Its component scan finds no bean.
		startsAgainWhenDeletedWhileStarting("Greetings,Counter,Visitor");
	}

	@Test
	void startThatFailsOnAClassFileDeletedMeanwhileIsNoFailedRefreshButStartsAgain() throws Exception {
		// The counter's class refers to it.
		startsAgainWhenDeletedWhileStarting("Visitor");
	}

	private void startsAgainWhenDeletedWhileStarting(String names) throws Exception {
		// In place before the start: a spring.factories written while the application
		// runs makes a refresh of its own.
		Path factories = Files.createDirectories(this.temp.resolve("target/classes/META-INF"))
			.resolve("spring.factories");
		Files.writeString(factories, "org.springframework.context.ApplicationContextInitializer=demo.Gap\n");
		List<String> sources = new ArrayList<>(FullRefreshTests.sources(""));
		sources.addAll(List.of("demo.Gap", GAP));
		try (RefreshingApplication app = RefreshingApplication.start(this.temp, sources)) {
			assertThat(app.body("/hello/ann")).isEqualTo("1 [ann] last ann of 1");
			long before = newestId(app);
			System.setProperty(ONCE, names);
			long id = JsonPath.parse(app.post("/actuator/hotreload").body()).read("$.id", Long.class);
			ReloadRecord refreshed = app.awaitRecord(id);
			assertThat(System.getProperty(ONCE)).as("the build ran").isNull();
			assertThat(refreshed.outcome()).isEqualTo(Outcome.REFRESHED);
			assertThat(refreshed.carried()).containsKey("counter");
			assertThat(refreshed.carried().get("counter").kept()).contains("count", "names");
			assertThat(app.history().stream().filter((record) -> record.id() > before))
				.extracting(ReloadRecord::outcome)
				.containsExactly(Outcome.REFRESHED);
			await().atMost(Duration.ofSeconds(30))
				.ignoreExceptions()
				.until(() -> app.get("/hello/bob").statusCode() == 200);
			assertThat(app.body("/hello/cy")).startsWith("3 [ann, bob, cy]");
		}
	}

	private static long newestId(RefreshingApplication app) {
		List<ReloadRecord> history = app.history();
		return history.isEmpty() ? 0 : history.get(0).id();
	}

}
