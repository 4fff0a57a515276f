package dev.hotreload.compile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;

import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.ReloadRecord.Trigger;
import dev.hotreload.testsupport.Counters;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import dev.hotreload.testsupport.SourceProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Source mode end to end: a real project in a temporary directory, a running context, and
 * Java sources saved into {@code src/main/java} that the application compiles and
 * reloads.
 */
@ExtendWith(OutputCaptureExtension.class)
class SourceModeReloadTests {

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	private static final String COUNTER_WITH_STEPS = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Counter {
				private int count;
				private final java.util.List<Step> steps = new java.util.ArrayList<>();
				public int increment() {
					Step step = new Step(100);
					steps.add(step);
					count += step.size();
					return count;
				}
				public String describe() { return "steps:" + steps.size() + ":" + count; }
				static final class Step {
					private final int size;
					Step(int size) { this.size = size; }
					int size() { return size; }
				}
			}
			""";

	private static final String COUNTER_USING_NEW_CLASSES = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Counter {
				private int count;
				public int increment() { return ++count; }
				public String describe() { return Prefix.PREFIX + count + Suffix.suffix(); }
			}
			""";

	private static final String PREFIX = """
			package demo;
			public final class Prefix {
				public static final String PREFIX = "count=";
			}
			""";

	private static final String SUFFIX = """
			package demo;
			public final class Suffix {
				public static String suffix() { return "!"; }
			}
			""";

	private static final String TEXTS_V1 = """
			package demo;
			public final class Texts {
				public static String hello() { return "hello"; }
			}
			""";

	private static final String TEXTS_V2 = """
			package demo;
			public final class Texts {
				public static String hello() { return "hello again"; }
			}
			""";

	@Test
	void savedSourceServesNewCodeWithStateKept(@TempDir Path temp) throws Exception {
		try (SourceProject project = new SourceProject(temp).build("demo.Config", CONFIG, "demo.Counter",
				Counters.V1)) {
			Reloads.sourceRunner(project, "demo.Config").run((context) -> {
				Object counter = context.getBean("counter");
				call(counter, "increment");
				call(counter, "increment");
				assertThat(call(counter, "describe")).isEqualTo("v1:2");
				project.save("demo.Counter", Counters.V2);
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.outcome()).isEqualTo(Outcome.RELOADED);
				assertThat(record.trigger()).isEqualTo(Trigger.FILE_CHANGE);
				assertThat(record.bean()).isEqualTo("counter");
				assertThat(record.generation()).isEqualTo(2);
				assertThat(record.classes()).containsExactly("demo.Counter");
				assertThat(record.fields().kept()).containsExactly("count");
				assertThat(call(counter, "describe")).isEqualTo("v2:2");
				assertThat(call(counter, "increment")).isEqualTo(12);
			});
		}
	}

	@Test
	void newFieldAndNewNestedClassAreCompiledAndReloaded(@TempDir Path temp) throws Exception {
		try (SourceProject project = new SourceProject(temp).build("demo.Config", CONFIG, "demo.Counter",
				Counters.V1)) {
			Reloads.sourceRunner(project, "demo.Config").run((context) -> {
				Object counter = context.getBean("counter");
				call(counter, "increment");
				project.save("demo.Counter", COUNTER_WITH_STEPS);
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.outcome()).isEqualTo(Outcome.RELOADED);
				assertThat(record.classes()).containsExactly("demo.Counter", "demo.Counter$Step");
				assertThat(record.fields().kept()).containsExactly("count");
				assertThat(record.fields().reset()).containsExactly("steps");
				assertThat(project.classFile("demo.Counter$Step")).isRegularFile();
				assertThat(call(counter, "increment")).isEqualTo(101);
				assertThat(call(counter, "describe")).isEqualTo("steps:1:101");
			});
		}
	}

	@Test
	void newSourceFilesAreCompiledAndUsableByOtherClasses(@TempDir Path temp, CapturedOutput output) throws Exception {
		try (SourceProject project = new SourceProject(temp).build("demo.Config", CONFIG, "demo.Counter",
				Counters.V1)) {
			Reloads.sourceRunner(project, "demo.Config")
				.withPropertyValues("hotreload.watch.quiet-period=300ms")
				.run((context) -> {
					Object counter = context.getBean("counter");
					call(counter, "increment");
					project.save("demo.Prefix", PREFIX);
					await().atMost(Duration.ofSeconds(10))
						.until(() -> Files.isRegularFile(project.classFile("demo.Prefix")));
					await().atMost(Duration.ofSeconds(10))
						.until(() -> output.toString()
							.contains(
									"Changed classes that were never loaded: demo.Prefix; their new class files are used "
											+ "when they are first loaded"));
					// A later batch compiles against the class the earlier one added, and
					// a new
					// file saved with its user compiles with it.
					project.save("demo.Suffix", SUFFIX);
					project.save("demo.Counter", COUNTER_USING_NEW_CLASSES);
					ReloadRecord record = Reloads.awaitRecords(context, 1);
					assertThat(record.outcome()).isEqualTo(Outcome.RELOADED);
					assertThat(record.bean()).isEqualTo("counter");
					assertThat(call(counter, "describe")).isEqualTo("count=1!");
					assertThat(context.getBean(HotReloader.class).history()).hasSize(1);
				});
		}
	}

	@Test
	void sourceOfAClassNeverLoadedIsCompiledAndLeftToItsFirstUseOnce(@TempDir Path temp, CapturedOutput output)
			throws Exception {
		try (SourceProject project = new SourceProject(temp).build("demo.Config", CONFIG, "demo.Counter", Counters.V1,
				"demo.Texts", TEXTS_V1)) {
			Reloads.sourceRunner(project, "demo.Config").run((context) -> {
				byte[] before = project.classBytes("demo.Texts");
				project.save("demo.Texts", TEXTS_V2);
				String line = "Changed classes that were never loaded: demo.Texts; their new class files are used when "
						+ "they are first loaded";
				await().atMost(Duration.ofSeconds(10)).until(() -> output.toString().contains(line));
				assertThat(project.classBytes("demo.Texts")).isNotEqualTo(before);
				// Source mode hands the class over at once; the watcher then sees the
				// same
				// bytes, which are not decided again.
				project.save("demo.Counter", Counters.V2);
				Reloads.awaitRecords(context, 1);
				assertThat(output.toString().lines().filter((logged) -> logged.contains(line))).hasSize(1);
				assertThat(context.getBean(HotReloader.class).history()).singleElement()
					.satisfies((record) -> assertThat(record.bean()).isEqualTo("counter"));
			});
		}
	}

	@Test
	void classesCompiledByTheIdeToo(@TempDir Path temp) throws Exception {
		try (SourceProject project = new SourceProject(temp).build("demo.Config", CONFIG, "demo.Counter",
				Counters.V1)) {
			Reloads.sourceRunner(project, "demo.Config").run((context) -> {
				HotReloader reloader = context.getBean(HotReloader.class);
				Object counter = context.getBean("counter");
				// Source mode compiles first; the IDE compiles the same bytes later.
				project.save("demo.Counter", Counters.V2);
				assertThat(Reloads.awaitRecords(context, 1).generation()).isEqualTo(2);
				byte[] sourceModesBytes = project.classBytes("demo.Counter");
				project.compileIntoClasses("demo.Counter", Counters.V2);
				assertThat(project.classBytes("demo.Counter")).isEqualTo(sourceModesBytes);
				await().during(Duration.ofMillis(500))
					.atMost(Duration.ofSeconds(5))
					.until(() -> reloader.history().size() == 1);
				assertThat(call(counter, "describe")).isEqualTo("v2:0");
				// The IDE compiles first; source mode compiles the same bytes later.
				project.compileIntoClasses("demo.Counter", COUNTER_WITH_STEPS);
				assertThat(Reloads.awaitRecords(context, 2).generation()).isEqualTo(3);
				byte[] idesBytes = project.classBytes("demo.Counter");
				FileTime idesWrite = Files.getLastModifiedTime(project.classFile("demo.Counter"));
				project.save("demo.Counter", COUNTER_WITH_STEPS);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> !Files.getLastModifiedTime(project.classFile("demo.Counter")).equals(idesWrite));
				assertThat(project.classBytes("demo.Counter")).isEqualTo(idesBytes);
				await().during(Duration.ofMillis(500))
					.atMost(Duration.ofSeconds(5))
					.until(() -> reloader.history().size() == 2);
				assertThat(reloader.history()).extracting(ReloadRecord::outcome)
					.containsExactly(Outcome.RELOADED, Outcome.RELOADED);
				assertThat(call(counter, "describe")).isEqualTo("steps:0:0");
			});
		}
	}

	@Test
	void deletedSourceIsLoggedAndReloadsNothing(@TempDir Path temp, CapturedOutput output) throws Exception {
		try (SourceProject project = new SourceProject(temp).build("demo.Config", CONFIG, "demo.Counter", Counters.V1,
				"demo.Texts", TEXTS_V1)) {
			Reloads.sourceRunner(project, "demo.Config").run((context) -> {
				project.delete("demo.Texts");
				await().atMost(Duration.ofSeconds(10))
					.until(() -> output.toString()
						.contains("Source file demo/Texts.java was deleted; its class files stay"));
				assertThat(project.classFile("demo.Texts")).isRegularFile();
				assertThat(context.getBean(HotReloader.class).history()).isEmpty();
				assertThat(call(context.getBean("counter"), "describe")).isEqualTo("v1:0");
			});
		}
	}

}
