package dev.hotreload.reload;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A new version whose constructor throws fails its reload with the exception's type and
 * message while the previous generation keeps serving, and a later working version
 * reloads.
 */
@ExtendWith(OutputCaptureExtension.class)
class ThrowingConstructorTests {

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	private static final String GREETER_V1 = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Greeter {
				private int greeted;
				public String greet(String name) { greeted++; return "Hello " + name + " #" + greeted; }
			}
			""";

	private static final String GREETER_V2 = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Greeter {
				private int greeted;
				public Greeter() {
					throw new IllegalStateException("Greeter v2 has no greeting configured");
				}
				public String greet(String name) { greeted++; return "Hi " + name + " #" + greeted; }
			}
			""";

	private static final String GREETER_V3 = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Greeter {
				private int greeted;
				public String greet(String name) { greeted++; return "Howdy " + name + " #" + greeted; }
			}
			""";

	@Test
	void failsWithExceptionOfConstructorThenWorkingVersionReloads(@TempDir Path temp, CapturedOutput output)
			throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Greeter", GREETER_V1);
			Reloads.runner(classes, "demo.Config").run((context) -> {
				HotReloadEngine engine = context.getBean(HotReloadEngine.class);
				HotReloader reloader = context.getBean(HotReloader.class);
				Object greeter = context.getBean("greeter");
				assertThat(call(greeter, "greet", "Ada")).isEqualTo("Hello Ada #1");
				classes.compile("demo.Greeter", GREETER_V2);
				ReloadRecord failed = Reloads.awaitRecords(context, 1);
				assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
				assertThat(failed.bean()).isEqualTo("greeter");
				assertThat(failed.generation()).isEqualTo(1);
				assertThat(failed.failure()).isNotNull();
				assertThat(failed.failure().type()).isEqualTo("IllegalStateException");
				assertThat(failed.failure().message()).isEqualTo("Greeter v2 has no greeting configured");
				assertThat(output.getAll().lines()).anySatisfy((line) -> assertThat(line).contains("WARN",
						"Reload of 'greeter' (demo.Greeter) failed", "generation 1 keeps serving: "
								+ "IllegalStateException: Greeter v2 has no greeting configured"));
				assertThat(engine.bean("greeter").generation()).isEqualTo(1);
				assertThat(call(greeter, "greet", "Ada")).isEqualTo("Hello Ada #2");
				classes.compile("demo.Greeter", GREETER_V3);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> reloader.history().get(0).outcome() == Outcome.RELOADED);
				List<ReloadRecord> history = reloader.history();
				ReloadRecord reloaded = history.get(0);
				assertThat(reloaded.generation()).isEqualTo(2);
				assertThat(reloaded.fields().kept()).containsExactly("greeted");
				// A write can reach the watcher as two batches: each one is tried again.
				assertThat(history.subList(1, history.size())).isNotEmpty()
					.allSatisfy((record) -> assertThat(record.failure()).isEqualTo(failed.failure()));
				assertThat(engine.bean("greeter").generation()).isEqualTo(2);
				assertThat(call(greeter, "greet", "Ada")).isEqualTo("Howdy Ada #3");
			});
		}
	}

}
