package dev.hotreload.reload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Outcome;
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

/**
 * A bean's class file replaced the way IDEs and editors do it, by delete-then-create or
 * by an atomic rename of a temporary file, reloads the bean once.
 */
@ExtendWith(OutputCaptureExtension.class)
class EditorStyleClassFileWritesTests {

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	@Test
	void deleteThenCreateReloadsOnce(@TempDir Path temp, CapturedOutput output) throws Exception {
		assertReplacementReloadsOnce(temp, output, (classFile, v2) -> {
			Files.delete(classFile);
			Files.write(classFile, v2);
		});
	}

	@Test
	void atomicRenameOfTemporaryFileReloadsOnce(@TempDir Path temp, CapturedOutput output) throws Exception {
		assertReplacementReloadsOnce(temp, output, (classFile, v2) -> {
			Path temporary = classFile.resolveSibling("Counter.class.tmp");
			Files.write(temporary, v2);
			Files.move(temporary, classFile, StandardCopyOption.ATOMIC_MOVE);
		});
	}

	private void assertReplacementReloadsOnce(Path temp, CapturedOutput output, Replacement replacement)
			throws Exception {
		byte[] v2 = TestCompiler.compileToBytes(temp.resolve("staging"), "demo.Counter", Counters.countingByOne("v2"));
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Counter", Counters.countingByOne("v1"));
			// Long enough that both steps of a replacement always fall within it
			Reloads.runner(classes, "demo.Config")
				.withPropertyValues("hotreload.watch.quiet-period=200ms")
				.run((context) -> {
					Object counter = context.getBean("counter");
					call(counter, "increment");
					replacement.replace(classes.classFile("demo.Counter"), v2);
					ReloadRecord reloaded = Reloads.awaitRecords(context, 1);
					assertThat(reloaded.outcome()).isEqualTo(Outcome.RELOADED);
					assertThat(reloaded.generation()).isEqualTo(2);
					assertThat(reloaded.classes()).containsExactly("demo.Counter");
					assertThat(call(counter, "describe")).isEqualTo("v2:1");
					classes.compile("demo.Counter", Counters.countingByOne("v3"));
					ReloadRecord barrier = Reloads.awaitRecords(context, 2);
					assertThat(barrier.generation()).isEqualTo(3);
					assertThat(context.getBean(HotReloader.class).history()).containsExactly(barrier, reloaded);
					assertThat(output.getAll()).doesNotContain("was deleted").doesNotContain("not hot-reloadable");
				});
		}
	}

	@FunctionalInterface
	private interface Replacement {

		void replace(Path classFile, byte[] newBytes) throws Exception;

	}

}
