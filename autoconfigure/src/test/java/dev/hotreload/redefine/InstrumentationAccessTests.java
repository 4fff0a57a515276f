package dev.hotreload.redefine;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How hot reload gets an instrumentation: by attaching to the running JVM, and what it
 * says when it cannot.
 */
@ExtendWith(OutputCaptureExtension.class)
class InstrumentationAccessTests {

	@Test
	void selfAttachGivesAnInstrumentationThatRedefines() {
		InstrumentationAccess access = new InstrumentationAccess(true);
		access.start();
		assertThat(access.instrumentation()).isNotNull().satisfies((instrumentation) -> {
			assertThat(instrumentation.isRedefineClassesSupported()).isTrue();
			assertThat(instrumentation.isRetransformClassesSupported()).isTrue();
		});
	}

	@Test
	void withoutAgentAndWithoutSelfAttachThereIsNoneAndOneInfoLineSaysSo(CapturedOutput output) {
		InstrumentationAccess access = new InstrumentationAccess(false);
		assertThat(access.instrumentation()).isNull();
		assertThat(access.instrumentation()).isNull();
		assertThat(output.getAll().lines().filter((line) -> line.contains("cannot redefine classes in place")))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains("INFO", "hotreload.redefine.self-attach is false",
					"need a full refresh"));
	}

	@Test
	void jvmThatRefusesDynamicAgentsGetsNoneAndSaysWhatToDo() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-XX:-EnableDynamicAgentLoading", "-cp",
				System.getProperty("java.class.path") + File.pathSeparator + testClasses(), AttachProbe.class.getName())
			.redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(output).contains("instrumentation available: false")
			.contains("Hot reload cannot redefine classes in place: attaching an agent to the running JVM failed")
			.contains("start the JVM with -javaagent:<hotreload jar>");
	}

	private static String testClasses() throws Exception {
		return Path.of(AttachProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
	}

}
