package dev.hotreload.compile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Diagnostic;
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
 * Saved sources that do not compile: the compiler's errors are reported, no class file
 * changes, the previous code keeps serving, and the next save that compiles reloads.
 */
@ExtendWith(OutputCaptureExtension.class)
class SourceModeCompilationErrorTests {

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	private static final String COUNTER_MISSING_SEMICOLON = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Counter {
				private int count;
				public int increment() { return ++count; }
				public String describe() { return "v2:" + count }
			}
			""";

	private static final String COUNTER_WRONG_TYPE = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Counter {
				private int count;
				public int increment() { return ++count; }
				public String describe() { return count; }
			}
			""";

	private static final String COUNTER_V2 = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Counter {
				private int count;
				public int increment() { return ++count; }
				public String describe() { return "v2:" + count + Texts.suffix(); }
			}
			""";

	private static final String TEXTS_V1 = """
			package demo;
			public final class Texts {
				public static String suffix() { return ""; }
			}
			""";

	private static final String TEXTS_WRONG_TYPE = """
			package demo;
			public final class Texts {
				public static String suffix() {
					return 42;
				}
			}
			""";

	private static final String TEXTS_V2 = """
			package demo;
			public final class Texts {
				public static String suffix() {
					return "!";
				}
			}
			""";

	@Test
	void syntaxErrorIsReportedAndTheFixReloads(@TempDir Path temp, CapturedOutput output) throws Exception {
		try (SourceProject project = new SourceProject(temp).build("demo.Config", CONFIG, "demo.Counter", Counters.V1,
				"demo.Texts", TEXTS_V1)) {
			Reloads.sourceRunner(project, "demo.Config").run((context) -> {
				Object counter = context.getBean("counter");
				call(counter, "increment");
				byte[] classFile = project.classBytes("demo.Counter");
				project.save("demo.Counter", COUNTER_MISSING_SEMICOLON);
				ReloadRecord failure = Reloads.awaitRecords(context, 1);
				long column = columnAfter(COUNTER_MISSING_SEMICOLON, "+ count");
				assertThat(column).isEqualTo(49);
				assertThat(failure.outcome()).isEqualTo(Outcome.FAILED);
				assertThat(failure.bean()).isEqualTo("counter");
				assertThat(failure.trigger()).isEqualTo(Trigger.FILE_CHANGE);
				assertThat(failure.generation()).isEqualTo(1);
				assertThat(failure.classes()).containsExactly("demo.Counter");
				assertThat(failure.failure()).isNotNull();
				assertThat(failure.failure().type()).isEqualTo("CompilationError");
				assertThat(failure.failure().message()).isEqualTo("demo/Counter.java:7:" + column + ": ';' expected");
				assertThat(failure.failure().diagnostics())
					.containsExactly(new Diagnostic("demo/Counter.java", 7, column, "';' expected"));
				await().atMost(Duration.ofSeconds(5))
					.until(() -> output.toString()
						.contains(project.sourceFile("demo.Counter") + ":7:" + column + ": ';' expected"));
				assertThat(output).contains("WARN").contains("Reload of 'counter' failed; generation 1 keeps serving");
				assertThat(project.classBytes("demo.Counter")).isEqualTo(classFile);
				assertThat(call(counter, "describe")).isEqualTo("v1:1");
				project.save("demo.Counter", COUNTER_V2);
				ReloadRecord reload = Reloads.awaitRecords(context, 2);
				assertThat(reload.outcome()).isEqualTo(Outcome.RELOADED);
				assertThat(reload.generation()).isEqualTo(2);
				assertThat(reload.fields().kept()).containsExactly("count");
				assertThat(call(counter, "describe")).isEqualTo("v2:1");
			});
		}
	}

	@Test
	void typeErrorInOneOfTwoFilesSavedTogetherWritesNothingOfTheBatch(@TempDir Path temp, CapturedOutput output)
			throws Exception {
		try (SourceProject project = new SourceProject(temp).build("demo.Config", CONFIG, "demo.Counter", Counters.V1,
				"demo.Texts", TEXTS_V1)) {
			Reloads.sourceRunner(project, "demo.Config")
				.withPropertyValues("hotreload.watch.quiet-period=300ms")
				.run((context) -> {
					HotReloader reloader = context.getBean(HotReloader.class);
					Object counter = context.getBean("counter");
					byte[] counterClass = project.classBytes("demo.Counter");
					byte[] textsClass = project.classBytes("demo.Texts");
					project.save("demo.Counter", COUNTER_V2);
					project.save("demo.Texts", TEXTS_WRONG_TYPE);
					ReloadRecord failure = Reloads.awaitRecords(context, 1);
					assertThat(failure.outcome()).isEqualTo(Outcome.FAILED);
					assertThat(failure.bean()).isNull();
					assertThat(failure.generation()).isZero();
					assertThat(failure.classes()).containsExactly("demo.Counter", "demo.Texts");
					assertThat(failure.failure().type()).isEqualTo("CompilationError");
					assertThat(failure.failure().diagnostics()).singleElement().satisfies((diagnostic) -> {
						assertThat(diagnostic.file()).isEqualTo("demo/Texts.java");
						assertThat(diagnostic.line()).isEqualTo(4);
						assertThat(diagnostic.column()).isEqualTo(columnOf(TEXTS_WRONG_TYPE, "42"));
						assertThat(diagnostic.message()).contains("incompatible types");
					});
					await().atMost(Duration.ofSeconds(5))
						.until(() -> output.toString()
							.contains(project.sourceFile("demo.Texts") + ":4:10: incompatible types"));
					assertThat(project.classBytes("demo.Counter")).isEqualTo(counterClass);
					assertThat(project.classBytes("demo.Texts")).isEqualTo(textsClass);
					assertThat(call(counter, "describe")).isEqualTo("v1:0");
					// Only the failing file is saved again: the counter's change of the
					// failed
					// batch compiles with it.
					project.save("demo.Texts", TEXTS_V2);
					ReloadRecord reload = Reloads.awaitRecords(context, 2);
					assertThat(reload.outcome()).isEqualTo(Outcome.RELOADED);
					assertThat(reload.bean()).isEqualTo("counter");
					assertThat(call(counter, "describe")).isEqualTo("v2:0!");
					assertThat(reloader.history()).extracting(ReloadRecord::outcome)
						.containsExactly(Outcome.RELOADED, Outcome.FAILED);
				});
		}
	}

	@Test
	void errorsInSeveralFilesMakeOneRecordPerFile(@TempDir Path temp) throws Exception {
		try (SourceProject project = new SourceProject(temp).build("demo.Config", CONFIG, "demo.Counter", Counters.V1,
				"demo.Texts", TEXTS_V1)) {
			Reloads.sourceRunner(project, "demo.Config")
				.withPropertyValues("hotreload.watch.quiet-period=300ms")
				.run((context) -> {
					project.save("demo.Counter", COUNTER_WRONG_TYPE);
					project.save("demo.Texts", TEXTS_WRONG_TYPE);
					Reloads.awaitRecords(context, 2);
					List<ReloadRecord> history = context.getBean(HotReloader.class).history();
					assertThat(history).hasSize(2);
					assertThat(history).extracting(ReloadRecord::bean).containsExactlyInAnyOrder("counter", null);
					assertThat(history).allSatisfy((record) -> {
						assertThat(record.outcome()).isEqualTo(Outcome.FAILED);
						assertThat(record.classes()).containsExactly("demo.Counter", "demo.Texts");
					});
					assertThat(history).flatExtracting((record) -> record.failure().diagnostics())
						.extracting(Diagnostic::file)
						.containsExactlyInAnyOrder("demo/Counter.java", "demo/Texts.java");
				});
		}
	}

	// 1-based column just after the text, counting a tab as one column.
	private static long columnAfter(String source, String text) {
		return columnOf(source, text) + text.length();
	}

	private static long columnOf(String source, String text) {
		String line = source.lines().filter((candidate) -> candidate.contains(text)).findFirst().orElseThrow();
		return line.indexOf(text) + 1;
	}

}
