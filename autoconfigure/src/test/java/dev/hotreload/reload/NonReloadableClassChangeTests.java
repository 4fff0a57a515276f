package dev.hotreload.reload;

import java.nio.file.Path;

import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Category;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.ReloadRecord.Verdict;
import dev.hotreload.refresh.PendingRefresh;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changed classes that belong to no reloadable bean: a plain bean whose shape is
 * unchanged is redefined in place and keeps its identity, and classes never loaded are
 * left to their first use.
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

	// Only Prices$Rounding changes: the outer class file keeps its bytes.
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
				private int tags;
				public String tag() { return "%s " + (++tags); }
			}
			""";

	@Test
	void plainBeanIsRedefinedInPlaceAndClassesNeverLoadedAreLeftToTheirFirstUse(@TempDir Path temp,
			CapturedOutput output) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Counter", COUNTER.formatted("v1"), "demo.Prices",
					PRICES.formatted(1), "demo.Audit", AUDIT.formatted("v1"));
			// Long enough that one compilation always makes one batch
			Reloads.runner(classes, "demo.Config")
				.withPropertyValues("hotreload.watch.quiet-period=300ms")
				.run((context) -> {
					Object audit = context.getBean("audit");
					assertThat(call(audit, "tag")).isEqualTo("v1 1");
					classes.compile("demo.Prices", PRICES.formatted(100), "demo.Audit", AUDIT.formatted("v2"));
					ReloadRecord record = Reloads.awaitRecords(context, 1);
					assertThat(record.outcome()).isEqualTo(Outcome.REDEFINED);
					assertThat(record.bean()).isNull();
					assertThat(record.classes()).containsExactly("demo.Audit");
					assertThat(record.verdicts())
						.containsExactly(new Verdict("demo.Audit", Category.REDEFINE, "shape unchanged"));
					assertThat(context.getBean("audit")).isSameAs(audit);
					assertThat(call(audit, "tag")).isEqualTo("v2 2");
					assertThat(output.getAll())
						.containsPattern("INFO .*Redefined 1 class in place in [0-9.]+ ms: demo.Audit")
						.contains("Changed classes that were never loaded: demo.Prices$Rounding; their new "
								+ "class files are used when they are first loaded");
					assertThat(context.getBean(PendingRefresh.class).classes()).isEmpty();
					classes.compile("demo.Counter", COUNTER.formatted("v2"));
					ReloadRecord barrier = Reloads.awaitRecords(context, 2);
					assertThat(barrier.bean()).isEqualTo("counter");
					assertThat(barrier.verdicts()).containsExactly(
							new Verdict("demo.Counter", Category.NEW_GENERATION, "class of reloadable bean 'counter'"));
					assertThat(context.getBean(HotReloader.class).history()).containsExactly(barrier, record);
				});
		}
	}

}
