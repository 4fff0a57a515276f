package dev.hotreload.reload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Failure;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.testsupport.Counters;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import dev.hotreload.testsupport.TestCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A class file compiled for a newer Java than the one that runs fails with a message that
 * names both versions and the fix, for a plain class and for a reloadable bean's class
 * alike; the previous code keeps serving, and the file compiled for the running Java
 * applies by itself.
 */
class NewerClassFileVersionTests {

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	private static final int RUNTIME = Runtime.version().feature();

	private static final int NEWER = RUNTIME + 8;

	private static final String FORMATTER = """
			package demo;
			public class Formatter {
				public String format(String text) { return %s; }
			}
			""";

	private static final String AUDIT = """
			package demo;
			@org.springframework.stereotype.Component
			public class Audit {
				private final Formatter formatter = new Formatter();
				public String tag(String text) { return formatter.format(text); }
			}
			""";

	@Test
	void plainClassOfANewerJavaFailsNamingBothVersionsAndTheRunningJavasFileIsRedefined(@TempDir Path temp)
			throws Exception {
		byte[] newer = newerVersion(TestCompiler.compileToBytes(temp.resolve("v2"), "demo.Formatter",
				FORMATTER.formatted("\"<\" + text + \">\"")));
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Formatter", FORMATTER.formatted("\"[\" + text + \"]\""),
					"demo.Audit", AUDIT);
			Reloads.runner(classes, "demo.Config").run((context) -> {
				Object audit = context.getBean("audit");
				assertThat(call(audit, "tag", "x")).isEqualTo("[x]");
				Files.write(classes.classFile("demo.Formatter"), newer);
				ReloadRecord failed = Reloads.awaitRecords(context, 1);
				assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
				assertThat(failed.classes()).containsExactly("demo.Formatter");
				assertThat(failed.failure()).isEqualTo(new Failure("UnsupportedClassVersionError",
						expectedMessage("demo/Formatter.class"), java.util.List.of()));
				assertThat(call(audit, "tag", "x")).isEqualTo("[x]");
				classes.compile("demo.Formatter", FORMATTER.formatted("\"<\" + text + \">\""));
				ReloadRecord redefined = Reloads.awaitRecords(context, 2);
				assertThat(redefined.outcome()).isEqualTo(Outcome.REDEFINED);
				assertThat(redefined.classes()).containsExactly("demo.Formatter");
				assertThat(call(audit, "tag", "x")).isEqualTo("<x>");
			});
		}
	}

	@Test
	void beanClassOfANewerJavaFailsNamingBothVersionsAndTheRunningJavasFileIsReloaded(@TempDir Path temp)
			throws Exception {
		byte[] valid = TestCompiler.compileToBytes(temp.resolve("v2"), "demo.Counter", Counters.V2);
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Counter", Counters.V1);
			Reloads.runner(classes, "demo.Config").run((context) -> {
				HotReloader reloader = context.getBean(HotReloader.class);
				Object counter = context.getBean("counter");
				assertThat(call(counter, "increment")).isEqualTo(1);
				Files.write(classes.classFile("demo.Counter"), newerVersion(valid));
				ReloadRecord failed = Reloads.awaitRecords(context, 1);
				assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
				assertThat(failed.bean()).isEqualTo("counter");
				assertThat(failed.generation()).isEqualTo(1);
				assertThat(failed.failure()).isEqualTo(new Failure("UnsupportedClassVersionError",
						expectedMessage("demo/Counter.class"), java.util.List.of()));
				assertThat(call(counter, "describe")).isEqualTo("v1:1");
				Files.write(classes.classFile("demo.Counter"), valid);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> reloader.history().get(0).outcome() == Outcome.RELOADED);
				assertThat(reloader.history().get(0).generation()).isEqualTo(2);
				assertThat(call(counter, "describe")).isEqualTo("v2:1");
			});
		}
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

	private static String expectedMessage(String fileName) {
		return fileName + " was compiled for Java " + NEWER + " (class file version " + (44 + NEWER)
				+ ".0); this JVM runs Java " + RUNTIME + " and reads up to version " + (44 + RUNTIME)
				+ ": compile with --release " + RUNTIME;
	}

}
