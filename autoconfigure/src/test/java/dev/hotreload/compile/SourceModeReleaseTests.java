package dev.hotreload.compile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Outcome;
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
 * The {@code --release} that source mode compiles for: class files of other releases in
 * the class directory, stray or the majority, never break compilation, and the choice is
 * made again for every batch.
 */
@ExtendWith(OutputCaptureExtension.class)
class SourceModeReleaseTests {

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	private static final String HELPER = """
			package demo;
			public final class Helper {
				public static String help() { return "help"; }
			}
			""";

	// Java 25's major version: a class compiled by a newer JDK than the one running.
	private static final int JAVA_25 = 69;

	// Java 6's: a release that compilers since JDK 12 no longer compile for.
	private static final int JAVA_6 = 50;

	@Test
	void strayClassFilesOfANewerJavaDoNotBreakLaterCompiles(@TempDir Path temp) throws Exception {
		try (SourceProject project = new SourceProject(temp).build("demo.Config", CONFIG, "demo.Counter",
				Counters.countingByOne("v1"))) {
			// Outside the scanned package, and more of them than of the build's own.
			for (int i = 0; i < 40; i++) {
				classFileHeader(project.classDirectory().resolve("Stray" + i + ".class"), JAVA_25);
			}
			Reloads.sourceRunner(project, "demo.Config").run((context) -> {
				Object counter = context.getBean("counter");
				call(counter, "increment");
				project.save("demo.Counter", Counters.countingByOne("v2"));
				ReloadRecord first = Reloads.awaitRecords(context, 1);
				assertThat(first.outcome()).isEqualTo(Outcome.RELOADED);
				assertThat(call(counter, "describe")).isEqualTo("v2:1");
				assertThat(majorVersion(project.classFile("demo.Counter"))).isEqualTo(61);
				project.save("demo.Counter", Counters.countingByOne("v3"));
				ReloadRecord second = Reloads.awaitRecords(context, 2);
				assertThat(second.outcome()).isEqualTo(Outcome.RELOADED);
				assertThat(call(counter, "describe")).isEqualTo("v3:1");
			});
		}
	}

	@Test
	void releaseTheCompilerCannotTargetGivesWayToTheRunningJavas(@TempDir Path temp, CapturedOutput output)
			throws Exception {
		try (SourceProject project = new SourceProject(temp).build("demo.Config", CONFIG, "demo.Counter",
				Counters.countingByOne("v1"))) {
			for (int i = 0; i < 40; i++) {
				classFileHeader(project.classDirectory().resolve("Old" + i + ".class"), JAVA_6);
			}
			Reloads.sourceRunner(project, "demo.Config").run((context) -> {
				// A new file has no class file of its own: most class files say Java 6.
				project.save("demo.Helper", HELPER);
				await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(project.classFile("demo.Helper")));
				assertThat(majorVersion(project.classFile("demo.Helper"))).isEqualTo(Runtime.version().feature() + 44);
				assertThat(output).contains("WARN")
					.contains("The compiler cannot compile for release 6 of the class files in "
							+ project.classDirectory());
				project.save("demo.Counter", Counters.countingByOne("v2"));
				ReloadRecord reload = Reloads.awaitRecords(context, 1);
				assertThat(reload.outcome()).isEqualTo(Outcome.RELOADED);
				assertThat(call(context.getBean("counter"), "describe")).isEqualTo("v2:0");
			});
		}
	}

	// The header is all that tells a class file's release.
	private static void classFileHeader(Path file, int majorVersion) throws IOException {
		Files.write(file,
				ByteBuffer.allocate(8).putInt(0xCAFEBABE).putShort((short) 0).putShort((short) majorVersion).array());
	}

	private static int majorVersion(Path classFile) throws IOException {
		return ByteBuffer.wrap(Files.readAllBytes(classFile), 6, 2).getShort();
	}

}
