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
import org.junit.jupiter.api.io.TempDir;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * When one bean of a batch of changes fails to reload, the other beans of the same batch
 * still reload.
 */
class PartiallyFailingBatchTests {

	// Long enough that one compilation always makes one batch
	private static final Duration QUIET_PERIOD = Duration.ofSeconds(1);

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	private static final String ALPHA_V1 = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Alpha {
				public String version() { return "alpha v1"; }
			}
			""";

	private static final String ALPHA_V2 = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Alpha {
				public Alpha() { throw new IllegalStateException("Alpha v2 is broken"); }
				public String version() { return "alpha v2"; }
			}
			""";

	private static final String BETA = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Beta {
				public String version() { return "beta %s"; }
			}
			""";

	@Test
	void failingBeanDoesNotStopTheOthersOfItsBatch(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Alpha", ALPHA_V1, "demo.Beta", BETA.formatted("v1"));
			Reloads.runner(classes, "demo.Config")
				.withPropertyValues("hotreload.watch.quiet-period=" + QUIET_PERIOD.toMillis() + "ms")
				.run((context) -> {
					HotReloader reloader = context.getBean(HotReloader.class);
					Object alpha = context.getBean("alpha");
					Object beta = context.getBean("beta");
					classes.compile("demo.Alpha", ALPHA_V2, "demo.Beta", BETA.formatted("v2"));
					Reloads.awaitRecords(context, 2);
					List<ReloadRecord> history = reloader.history();
					assertThat(history).hasSize(2);
					ReloadRecord betaRecord = history.get(0);
					ReloadRecord alphaRecord = history.get(1);
					assertThat(alphaRecord.bean()).isEqualTo("alpha");
					assertThat(alphaRecord.outcome()).isEqualTo(Outcome.FAILED);
					assertThat(alphaRecord.generation()).isEqualTo(1);
					assertThat(alphaRecord.failure().type()).isEqualTo("IllegalStateException");
					assertThat(alphaRecord.failure().message()).isEqualTo("Alpha v2 is broken");
					assertThat(betaRecord.bean()).isEqualTo("beta");
					assertThat(betaRecord.outcome()).isEqualTo(Outcome.RELOADED);
					assertThat(betaRecord.generation()).isEqualTo(2);
					// One after the other, in one batch (timings belong to src/bench)
					assertThat(betaRecord.id()).isEqualTo(alphaRecord.id() + 1);
					assertThat(call(alpha, "version")).isEqualTo("alpha v1");
					assertThat(call(beta, "version")).isEqualTo("beta v2");
					classes.compile("demo.Beta", BETA.formatted("v3"));
					ReloadRecord barrier = Reloads.awaitRecords(context, 3);
					assertThat(barrier.bean()).isEqualTo("beta");
					assertThat(barrier.generation()).isEqualTo(3);
					assertThat(reloader.history()).containsExactly(barrier, betaRecord, alphaRecord);
					assertThat(call(alpha, "version")).isEqualTo("alpha v1");
				});
		}
	}

}
