package dev.hotreload.refresh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Category;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.testsupport.TestCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A class file compiled for a newer Java than the one that runs, written into the class
 * directory of a real application on the refresher, fails without sticking: the running
 * class's own bytes written again leave nothing pending, a later valid file is applied,
 * and a refresh started while the newer file is there fails naming the class and both
 * versions, after which the next valid file refreshes again.
 */
class NewerClassFileRefreshTests {

	private static final int RUNTIME = Runtime.version().feature();

	// Java 25 on a Java 17 JVM: class file version 69.
	private static final int NEWER = RUNTIME + 8;

	private static final String GREETINGS = """
			package demo;
			@org.springframework.web.bind.annotation.RestController
			public class Greetings {
				private final Counter counter;
				private final Stamp stamp;
				public Greetings(Counter counter, Stamp stamp) {
					this.counter = counter;
					this.stamp = stamp;
				}
				@org.springframework.web.bind.annotation.GetMapping("/hello/{name}")
				public String hello(@org.springframework.web.bind.annotation.PathVariable String name) {
					return counter.add(name);
				}
				@org.springframework.web.bind.annotation.GetMapping("/format/{name}")
				public String format(@org.springframework.web.bind.annotation.PathVariable String name) {
					return new Formatter().format(name);
				}
				@org.springframework.web.bind.annotation.GetMapping("/late/{name}")
				public String late(@org.springframework.web.bind.annotation.PathVariable String name) {
					return new Late().format(name);
				}
				@org.springframework.web.bind.annotation.GetMapping("/stamp")
				public String stamp() {
					return stamp.stamp();
				}
			}
			""";

	private static final String FORMATTER = """
			package demo;
			public class Formatter {
				public String format(String text) {
					return %s;
				}
			}
			""";

	private static final String LATE = """
			package demo;
			public class Late {
				public String format(String text) {
					return %s;
				}
			}
			""";

	private static final String STAMP = """
			package demo;
			@org.springframework.stereotype.Component
			public class Stamp {
				public String stamp() {
					return "%s";
				}
			}
			""";

	@TempDir
	Path temp;

	@Test
	void beanClassOfANewerJavaThenTheRunningBytesLeaveNothingBehindAndABodyChangeReloads() throws Exception {
		try (RefreshingApplication app = RefreshingApplication.start(this.temp, sources())) {
			assertThat(app.body("/hello/ann")).isEqualTo("1 [ann] last ann of 1");
			Path classFile = app.classes().resolve("demo/Counter.class");
			byte[] running = Files.readAllBytes(classFile);
			long before = newest(app);
			Files.write(classFile, newerVersion(running));
			ReloadRecord failed = awaitNewer(app, before);
			assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
			assertThat(failed.bean()).isEqualTo("counter");
			assertThat(failed.failure().type()).isEqualTo("UnsupportedClassVersionError");
			assertThat(failed.failure().message()).startsWith("demo/Counter.class was compiled for Java " + NEWER);

			Files.write(classFile, running);
			assertNothingPendingFor(app, failed.id());
			DocumentContext bean = JsonPath.parse(app.body("/actuator/hotreload/counter"));
			assertThat(bean.read("$.generation", Integer.class)).isEqualTo(1);
			assertThat(app.body("/hello/bob")).isEqualTo("2 [ann, bob] last bob of 2");

			app.compile("demo.Counter", FullRefreshTests.COUNTER.formatted("v2 "));
			ReloadRecord reloaded = awaitNewer(app, failed.id());
			assertThat(reloaded.outcome()).isEqualTo(Outcome.RELOADED);
			assertThat(reloaded.generation()).isEqualTo(2);
			assertThat(app.body("/hello/cy")).isEqualTo("v2 3 [ann, bob, cy] last cy of 3");
		}
	}

	@Test
	void plainClassOfANewerJavaThenTheRunningBytesLeaveNothingBehindAndABodyChangeIsRedefined() throws Exception {
		try (RefreshingApplication app = RefreshingApplication.start(this.temp, sources())) {
			assertThat(app.body("/format/x")).isEqualTo("[x]");
			Path classFile = app.classes().resolve("demo/Formatter.class");
			byte[] running = Files.readAllBytes(classFile);
			long before = newest(app);
			Files.write(classFile,
					newerVersion(compile("demo.Formatter", FORMATTER.formatted("\"<\" + text + \">\""))));
			ReloadRecord failed = awaitNewer(app, before);
			assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
			assertThat(failed.classes()).containsExactly("demo.Formatter");
			assertThat(failed.failure().message()).startsWith("demo/Formatter.class was compiled for Java " + NEWER);
			assertThat(app.body("/format/x")).isEqualTo("[x]");

			Files.write(classFile, running);
			assertNothingPendingFor(app, failed.id());
			assertThat(app.body("/format/x")).isEqualTo("[x]");

			app.compile("demo.Formatter", FORMATTER.formatted("\"<\" + text + \">\""));
			ReloadRecord redefined = awaitNewer(app, failed.id());
			assertThat(redefined.outcome()).isEqualTo(Outcome.REDEFINED);
			assertThat(redefined.classes()).containsExactly("demo.Formatter");
			assertThat(app.body("/format/x")).isEqualTo("<x>");
		}
	}

	@Test
	void classOfANewerJavaThatFailedItsFirstUseIsUsedOnceItsFileIsValid() throws Exception {
		try (RefreshingApplication app = RefreshingApplication.start(this.temp, sources())) {
			assertThat(app.body("/hello/ann")).startsWith("1 [ann]");
			Path classFile = app.classes().resolve("demo/Late.class");
			byte[] valid = Files.readAllBytes(classFile);
			long before = newest(app);
			Files.write(classFile, newerVersion(valid));
			ReloadRecord failed = awaitNewer(app, before);
			assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
			assertThat(failed.classes()).containsExactly("demo.Late");
			assertThat(app.get("/late/x").statusCode()).as("first use of the newer class file").isEqualTo(500);

			app.compile("demo.Late", LATE.formatted("\"late \" + text"));
			await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> app.body("/late/x").equals("late x"));
			// The class that used it keeps the failure: a refresh loads both anew. Its
			// record is added once the new context is ready, a moment after it answers.
			await().atMost(Duration.ofSeconds(30))
				.ignoreExceptions()
				.until(() -> app.history().get(0).outcome() == Outcome.REFRESHED);
			ReloadRecord refreshed = app.history().get(0);
			assertThat(refreshed.outcome()).isEqualTo(Outcome.REFRESHED);
			assertThat(refreshed.verdicts()).singleElement().satisfies((verdict) -> {
				assertThat(verdict.className()).isEqualTo("demo.Late");
				assertThat(verdict.category()).isEqualTo(Category.REFRESH);
				assertThat(verdict.reason()).startsWith("failed to load earlier (UnsupportedClassVersionError: ")
					.endsWith("the classes that used it keep that failure");
			});
			assertThat(app.body("/hello/bob")).as("the state survives").startsWith("2 [ann, bob]");
		}
	}

	@Test
	void refreshWhileANewerJavaFileIsThereFailsNamingItAndTheNextValidFileRefreshesAgain() throws Exception {
		try (RefreshingApplication app = RefreshingApplication.start(this.temp, sources())) {
			assertThat(app.body("/stamp")).isEqualTo("s1");
			Path classFile = app.classes().resolve("demo/Stamp.class");
			long before = newest(app);
			Files.write(classFile, newerVersion(Files.readAllBytes(classFile)));
			ReloadRecord notApplied = awaitNewer(app, before);
			assertThat(notApplied.outcome()).isEqualTo(Outcome.FAILED);

			long id = app.reloader().refresh();
			ReloadRecord failed = app.awaitRecord(id);
			assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
			assertThat(failed.failure().type()).isEqualTo("UnsupportedClassVersionError");
			assertThat(failed.failure().message()).isEqualTo("demo/Stamp.class was compiled for Java " + NEWER
					+ " (class file version " + (44 + NEWER) + ".0); this JVM runs Java " + RUNTIME
					+ " and reads up to version " + (44 + RUNTIME) + ": compile with --release " + RUNTIME);
			assertThat(app.refresher().contexts()).isEmpty();
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
					.anySatisfy((thread) -> assertThat(thread.getName()).isEqualTo("hotreload-keep-alive")));

			app.compile("demo.Stamp", STAMP.formatted("s2"));
			await().atMost(Duration.ofSeconds(60))
				.ignoreExceptions()
				.until(() -> newest(app) > id && app.history().get(0).outcome() == Outcome.REFRESHED);
			await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> app.body("/stamp").equals("s2"));
			assertThat(app.body("/hello/ann")).startsWith("1 [ann]");
		}
	}

	@Test
	void refreshWhileTheMainClassIsOfANewerJavaFailsNamingItAndTheNextValidFileRefreshesAgain() throws Exception {
		try (RefreshingApplication app = RefreshingApplication.start(this.temp, sources())) {
			assertThat(app.body("/hello/ann")).startsWith("1 [ann]");
			Path classFile = app.classes().resolve("demo/App.class");
			byte[] running = Files.readAllBytes(classFile);
			Files.write(classFile, newerVersion(running));
			await().atMost(Duration.ofSeconds(60))
				.ignoreExceptions()
				.until(() -> app.history().get(0).classes().contains("demo.App")
						&& app.history().get(0).outcome() == Outcome.FAILED);

			long id = app.reloader().refresh();
			ReloadRecord failed = app.awaitRecord(id);
			assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
			assertThat(failed.failure().type()).isEqualTo("UnsupportedClassVersionError");
			assertThat(failed.failure().message()).startsWith("demo/App.class was compiled for Java " + NEWER);
			assertThat(app.refresher().contexts()).isEmpty();

			Files.write(classFile, running);
			await().atMost(Duration.ofSeconds(60))
				.ignoreExceptions()
				.until(() -> newest(app) > id && app.history().get(0).outcome() == Outcome.REFRESHED);
			await().atMost(Duration.ofSeconds(30))
				.ignoreExceptions()
				.until(() -> app.body("/hello/bob").startsWith("2 [ann, bob]"));
		}
	}

	private static List<String> sources() {
		return List.of("demo.App", RefreshingApplication.APP, "demo.Greetings", GREETINGS, "demo.Counter",
				FullRefreshTests.COUNTER.formatted(""), "demo.Visitor", FullRefreshTests.VISITOR, "demo.Formatter",
				FORMATTER.formatted("\"[\" + text + \"]\""), "demo.Late", LATE.formatted("\"late: \" + text"),
				"demo.Stamp", STAMP.formatted("s1"));
	}

	private byte[] compile(String className, String source) {
		return TestCompiler.compileToBytes(this.temp.resolve("aside"), className, source);
	}

	private static long newest(RefreshingApplication app) {
		List<ReloadRecord> history = app.history();
		return history.isEmpty() ? 0 : history.get(0).id();
	}

	private static ReloadRecord awaitNewer(RefreshingApplication app, long id) {
		await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> newest(app) > id);
		return app.history().get(0);
	}

	// The bytes of the running class again: nothing to apply, no record, nothing waits.
	private static void assertNothingPendingFor(RefreshingApplication app, long failedId) {
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
			DocumentContext report = JsonPath.parse(app.body("/actuator/hotreload"));
			return newest(app) == failedId && report.read("$.pendingRefresh", List.class).isEmpty();
		});
	}

	// A real class file that the running JVM refuses: the same bytes with the major
	// version of a newer Java.
	private static byte[] newerVersion(byte[] classFile) {
		byte[] newer = classFile.clone();
		int major = 44 + NEWER;
		newer[6] = (byte) (major >> 8);
		newer[7] = (byte) major;
		return newer;
	}

}
