package dev.hotreload.reload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.ReloadRecord.Trigger;
import dev.hotreload.testsupport.Counters;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import dev.hotreload.testsupport.TestCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A class file overwritten with bytes that are no valid class fails its reload with a
 * {@link ClassFormatError} while the previous generation keeps serving, and the next
 * valid version of the file reloads.
 */
@ExtendWith(OutputCaptureExtension.class)
class CorruptClassFileTests {

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	@Test
	void randomBytesFailWithClassFormatError(@TempDir Path temp, CapturedOutput output) throws Exception {
		byte[] valid = compileV2Elsewhere(temp);
		byte[] garbage = new byte[600];
		new Random(4242).nextBytes(garbage);
		garbage[0] = 0x12;
		assertCorruptFileFailsThenValidFileReloads(temp, output, garbage, valid,
				"Truncated or corrupt class file of demo.Counter (600 bytes)");
	}

	@Test
	void wrongMagicNumberFailsWithClassFormatError(@TempDir Path temp, CapturedOutput output) throws Exception {
		byte[] valid = compileV2Elsewhere(temp);
		byte[] wrongMagic = valid.clone();
		wrongMagic[0] = (byte) 0xDE;
		wrongMagic[1] = (byte) 0xAD;
		wrongMagic[2] = (byte) 0xBE;
		wrongMagic[3] = (byte) 0xEF;
		assertCorruptFileFailsThenValidFileReloads(temp, output, wrongMagic, valid,
				"Incompatible magic value 3735928559 in class file demo/Counter");
	}

	@Test
	void truncatedFileFailsWithClassFormatError(@TempDir Path temp, CapturedOutput output) throws Exception {
		byte[] valid = compileV2Elsewhere(temp);
		byte[] firstHalf = Arrays.copyOf(valid, valid.length / 2);
		assertCorruptFileFailsThenValidFileReloads(temp, output, firstHalf, valid,
				"Truncated or corrupt class file of demo.Counter (" + firstHalf.length + " bytes)");
	}

	private void assertCorruptFileFailsThenValidFileReloads(Path temp, CapturedOutput output, byte[] corrupt,
			byte[] valid, String expectedMessage) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Counter", Counters.V1);
			Reloads.runner(classes, "demo.Config").run((context) -> {
				HotReloadEngine engine = context.getBean(HotReloadEngine.class);
				HotReloader reloader = context.getBean(HotReloader.class);
				Object counter = context.getBean("counter");
				call(counter, "increment");
				Files.write(classes.classFile("demo.Counter"), corrupt);
				ReloadRecord failed = Reloads.awaitRecords(context, 1);
				assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
				assertThat(failed.bean()).isEqualTo("counter");
				assertThat(failed.trigger()).isEqualTo(Trigger.FILE_CHANGE);
				assertThat(failed.classes()).containsExactly("demo.Counter");
				assertThat(failed.generation()).isEqualTo(1);
				assertThat(failed.failure()).isNotNull();
				assertThat(failed.failure().type()).isEqualTo("ClassFormatError");
				assertThat(failed.failure().message()).contains(expectedMessage);
				assertThat(output.getAll().lines())
					.anySatisfy((line) -> assertThat(line).contains("WARN", "Reload of 'counter' (demo.Counter) failed",
							"generation 1 keeps serving: ClassFormatError: " + failed.failure().message()));
				assertThat(engine.bean("counter").generation()).isEqualTo(1);
				assertThat(call(counter, "describe")).isEqualTo("v1:1");
				assertThat(call(counter, "increment")).isEqualTo(2);
				Files.write(classes.classFile("demo.Counter"), valid);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> reloader.history().get(0).outcome() == Outcome.RELOADED);
				List<ReloadRecord> history = reloader.history();
				ReloadRecord reloaded = history.get(0);
				assertThat(reloaded.bean()).isEqualTo("counter");
				assertThat(reloaded.generation()).isEqualTo(2);
				assertThat(reloaded.fields().kept()).containsExactly("count");
				// A write can reach the watcher as two batches: each one is tried again.
				assertThat(history.subList(1, history.size())).isNotEmpty()
					.allSatisfy((record) -> assertThat(record.failure().type()).isEqualTo("ClassFormatError"));
				assertThat(engine.bean("counter").generation()).isEqualTo(2);
				assertThat(call(counter, "describe")).isEqualTo("v2:2");
				assertThat(call(counter, "increment")).isEqualTo(12);
			});
		}
	}

	private static byte[] compileV2Elsewhere(Path temp) throws Exception {
		return TestCompiler.compileToBytes(temp.resolve("v2"), "demo.Counter", Counters.V2);
	}

}
