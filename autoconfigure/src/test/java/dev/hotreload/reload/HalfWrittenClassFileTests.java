package dev.hotreload.reload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.testsupport.Counters;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import dev.hotreload.testsupport.TestCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A class file that a slow writer leaves half written for a moment and completes within
 * the quiet period reloads once, without a failed attempt on the half-written file.
 */
class HalfWrittenClassFileTests {

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	@Test
	void completedFileReloadsOnceWithoutFailure(@TempDir Path temp) throws Exception {
		byte[] v2 = TestCompiler.compileToBytes(temp.resolve("staging"), "demo.Counter", Counters.countingByOne("v2"));
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Counter", Counters.countingByOne("v1"));
			// A quiet period long enough that the two writes below always fall within it
			Reloads.runner(classes, "demo.Config")
				.withPropertyValues("hotreload.watch.quiet-period=300ms")
				.run((context) -> {
					Object counter = context.getBean("counter");
					call(counter, "increment");
					Path classFile = classes.classFile("demo.Counter");
					Files.write(classFile, Arrays.copyOf(v2, v2.length / 2));
					Files.write(classFile, v2);
					ReloadRecord reloaded = Reloads.awaitRecords(context, 1);
					assertThat(reloaded.outcome()).isEqualTo(Outcome.RELOADED);
					assertThat(reloaded.generation()).isEqualTo(2);
					assertThat(call(counter, "describe")).isEqualTo("v2:1");
					classes.compile("demo.Counter", Counters.countingByOne("v3"));
					ReloadRecord barrier = Reloads.awaitRecords(context, 2);
					assertThat(barrier.outcome()).isEqualTo(Outcome.RELOADED);
					assertThat(barrier.generation()).isEqualTo(3);
					List<ReloadRecord> history = context.getBean(HotReloader.class).history();
					assertThat(history).containsExactly(barrier, reloaded);
					assertThat(call(counter, "describe")).isEqualTo("v3:1");
				});
		}
	}

}
