package dev.hotreload.compile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import javax.tools.ToolProvider;

import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import dev.hotreload.testsupport.SourceProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Measures how long a one-file edit takes in source mode once the compiler is warm, and
 * prints the median. Nothing is asserted on time: it depends on the machine.
 */
class SourceModeTimingTests {

	private static final int WARM_UP_EDITS = 3;

	private static final int MEASURED_EDITS = 10;

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	@Test
	void saveToNewCodeOfAOneFileEdit(@TempDir Path temp) throws Exception {
		try (SourceProject project = new SourceProject(temp).build("demo.Config", CONFIG, "demo.Counter", counter(0))) {
			Reloads.sourceRunner(project, "demo.Config")
				.withPropertyValues("hotreload.watch.quiet-period=50ms")
				.run((context) -> {
					Object counter = context.getBean("counter");
					List<Long> millis = new ArrayList<>();
					for (int version = 1; version <= WARM_UP_EDITS + MEASURED_EDITS; version++) {
						String expected = "v" + version;
						long start = System.nanoTime();
						project.save("demo.Counter", counter(version));
						await().pollDelay(Duration.ZERO)
							.pollInterval(Duration.ofMillis(1))
							.atMost(Duration.ofSeconds(20))
							.until(() -> expected.equals(call(counter, "describe")));
						if (version > WARM_UP_EDITS) {
							millis.add((System.nanoTime() - start) / 1_000_000);
						}
					}
					print("save to new code (quiet period 50 ms)", millis);
					// The new code serves just before the reload is recorded.
					Reloads.awaitRecords(context, WARM_UP_EDITS + MEASURED_EDITS);
					List<ReloadRecord> history = context.getBean(HotReloader.class).history();
					assertThat(history).hasSize(WARM_UP_EDITS + MEASURED_EDITS)
						.allSatisfy((record) -> assertThat(record.outcome()).isEqualTo(Outcome.RELOADED));
					assertThat(history.get(0).generation()).isEqualTo(WARM_UP_EDITS + MEASURED_EDITS + 1);
				});
		}
	}

	@Test
	void compilationOfAOneFileEdit(@TempDir Path temp) throws Exception {
		try (SourceProject project = new SourceProject(temp).build("demo.Config", CONFIG, "demo.Counter", counter(0));
				SourceCompiler compiler = new SourceCompiler(ToolProvider.getSystemJavaCompiler(),
						CompileClasspath.of(project.classLoader(), List.of(project.classDirectory())))) {
			SourceFile file = new SourceFile(new SourceRoot(project.sourceDirectory(), project.classDirectory()),
					project.sourceFile("demo.Counter"));
			List<Long> millis = new ArrayList<>();
			for (int version = 1; version <= WARM_UP_EDITS + MEASURED_EDITS; version++) {
				project.save("demo.Counter", counter(version));
				long start = System.nanoTime();
				CompilationResult result = compiler.compile(List.of(file));
				long elapsed = (System.nanoTime() - start) / 1_000_000;
				assertThat(result.succeeded()).isTrue();
				assertThat(result.classes()).extracting(CompiledClass::className).containsExactly("demo.Counter");
				if (version > WARM_UP_EDITS) {
					millis.add(elapsed);
				}
			}
			print("compilation alone", millis);
		}
	}

	private static void print(String what, List<Long> millis) {
		List<Long> sorted = new ArrayList<>(millis);
		Collections.sort(sorted);
		System.out.println(String.format(Locale.ROOT, "Source mode, one-file edit, %s: p50 %d ms over %d edits %s",
				what, sorted.get(sorted.size() / 2), sorted.size(), millis));
	}

	private static String counter(int version) {
		return """
				package demo;
				@org.springframework.stereotype.Component
				@dev.hotreload.HotReloadable
				public class Counter {
					private int count;
					public int increment() { return ++count; }
					public String describe() { return "v%d"; }
				}
				""".formatted(version);
	}

}
