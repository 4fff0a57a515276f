package dev.hotreload.compile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Set;

import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Diagnostic;
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
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Saves that source mode must not take silently: a file that declares another package
 * than its directory's, an empty file; and the class files it writes look like the
 * build's.
 */
@ExtendWith(OutputCaptureExtension.class)
class SourceModeSavedFileTests {

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	private static final String HELPER = """
			package demo;
			public final class Helper {
				public static String help() { return "help"; }
			}
			""";

	@Test
	void fileDeclaringAnotherPackageIsAFailedRecordAndLeavesNoClassFile(@TempDir Path temp, CapturedOutput output)
			throws Exception {
		try (SourceProject project = new SourceProject(temp).build("demo.Config", CONFIG, "demo.Counter",
				Counters.countingByOne("v1"))) {
			Reloads.sourceRunner(project, "demo.Config").run((context) -> {
				Object counter = context.getBean("counter");
				call(counter, "increment");
				byte[] classFile = project.classBytes("demo.Counter");
				project.save("demo.Counter", Counters.countingByOne("relx", "v2"));
				ReloadRecord failure = Reloads.awaitRecords(context, 1);
				assertThat(failure.outcome()).isEqualTo(Outcome.FAILED);
				assertThat(failure.bean()).isEqualTo("counter");
				assertThat(failure.classes()).containsExactly("demo.Counter");
				assertThat(failure.failure().type()).isEqualTo("CompilationError");
				assertThat(failure.failure().diagnostics()).containsExactly(new Diagnostic("demo/Counter.java", 1, 1,
						"package relx does not match the file's directory, which is that of package demo; "
								+ "move the file or correct its package declaration"));
				assertThat(output).contains("Reload of 'counter' failed; generation 1 keeps serving");
				assertThat(project.classDirectory().resolve("relx")).doesNotExist();
				assertThat(project.classBytes("demo.Counter")).isEqualTo(classFile);
				assertThat(call(counter, "describe")).isEqualTo("v1:1");
				project.save("demo.Counter", Counters.countingByOne("v2"));
				ReloadRecord reload = Reloads.awaitRecords(context, 2);
				assertThat(reload.outcome()).isEqualTo(Outcome.RELOADED);
				assertThat(call(counter, "describe")).isEqualTo("v2:1");
			});
		}
	}

	@Test
	void emptySaveIsAWarningAndChangesNothing(@TempDir Path temp, CapturedOutput output) throws Exception {
		try (SourceProject project = new SourceProject(temp).build("demo.Config", CONFIG, "demo.Counter",
				Counters.countingByOne("v1"))) {
			Reloads.sourceRunner(project, "demo.Config").run((context) -> {
				Object counter = context.getBean("counter");
				byte[] classFile = project.classBytes("demo.Counter");
				project.save("demo.Counter", "");
				await().atMost(Duration.ofSeconds(10))
					.until(() -> output.toString()
						.contains("Source file demo/Counter.java was saved empty (0 bytes); it is not compiled "
								+ "and the previous code keeps serving"));
				assertThat(output).contains("WARN");
				assertThat(context.getBean(HotReloader.class).history()).isEmpty();
				assertThat(project.classBytes("demo.Counter")).isEqualTo(classFile);
				assertThat(call(counter, "describe")).isEqualTo("v1:0");
				project.save("demo.Counter", Counters.countingByOne("v2"));
				ReloadRecord reload = Reloads.awaitRecords(context, 1);
				assertThat(reload.outcome()).isEqualTo(Outcome.RELOADED);
				assertThat(call(counter, "describe")).isEqualTo("v2:0");
			});
		}
	}

	@Test
	void writtenClassFilesGetThePermissionsOfTheBuildsClassFiles(@TempDir Path temp) throws Exception {
		try (SourceProject project = new SourceProject(temp).build("demo.Config", CONFIG, "demo.Counter",
				Counters.countingByOne("v1"))) {
			Path counterClass = project.classFile("demo.Counter");
			assumeThat(Files.getFileAttributeView(counterClass, PosixFileAttributeView.class)).isNotNull();
			Set<PosixFilePermission> built = Files.getPosixFilePermissions(counterClass);
			Reloads.sourceRunner(project, "demo.Config").run((context) -> {
				project.save("demo.Counter", Counters.countingByOne("v2"));
				project.save("demo.Helper", HELPER);
				assertThat(Reloads.awaitRecords(context, 1).outcome()).isEqualTo(Outcome.RELOADED);
				await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(project.classFile("demo.Helper")));
				assertThat(Files.getPosixFilePermissions(counterClass)).isEqualTo(built);
				assertThat(Files.getPosixFilePermissions(project.classFile("demo.Helper"))).isEqualTo(built);
			});
		}
	}

}
