package dev.hotreload.reload;

import java.nio.file.Path;
import java.time.Duration;

import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Changed classes that belong to no reloadable bean are listed in one INFO line and
 * reload nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class NonReloadableClassChangeTests {

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	private static final String COUNTER = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Counter {
				private int count;
				public String describe() { return "%s:" + count; }
			}
			""";

	private static final String PRICES = """
			package demo;
			public final class Prices {
				public static final class Rounding {
					public static long round(double value) { return Math.round(value * %d); }
				}
			}
			""";

	private static final String AUDIT = """
			package demo;
			@org.springframework.stereotype.Component
			public class Audit {
				public String tag() { return "%s"; }
			}
			""";

	private static final String LINE = "Changed classes are not hot-reloadable: demo.Audit, demo.Prices; "
			+ "a full refresh is needed to use them";

	@Test
	void changedClassesOfNoReloadableBeanAreListedAndReloadNothing(@TempDir Path temp, CapturedOutput output)
			throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Counter", COUNTER.formatted("v1"), "demo.Prices",
					PRICES.formatted(1), "demo.Audit", AUDIT.formatted("v1"));
			// Long enough that one compilation always makes one batch
			Reloads.runner(classes, "demo.Config")
				.withPropertyValues("hotreload.watch.quiet-period=300ms")
				.run((context) -> {
					classes.compile("demo.Prices", PRICES.formatted(100), "demo.Audit", AUDIT.formatted("v2"));
					await().atMost(Duration.ofSeconds(10)).until(() -> output.getAll().contains(LINE));
					classes.compile("demo.Counter", COUNTER.formatted("v2"));
					ReloadRecord barrier = Reloads.awaitRecords(context, 1);
					assertThat(barrier.bean()).isEqualTo("counter");
					assertThat(barrier.classes()).containsExactly("demo.Counter");
					assertThat(context.getBean(HotReloader.class).history()).containsExactly(barrier);
					assertThat(output.getAll().lines().filter((line) -> line.contains("not hot-reloadable")))
						.singleElement()
						.satisfies((line) -> assertThat(line).contains("INFO", LINE));
				});
		}
	}

}
