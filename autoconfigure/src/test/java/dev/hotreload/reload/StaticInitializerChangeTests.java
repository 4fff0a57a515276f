package dev.hotreload.reload;

import java.nio.file.Path;

import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Category;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.ReloadRecord.Verdict;
import dev.hotreload.refresh.PendingRefresh;
import dev.hotreload.refresh.PendingRefresh.PendingClass;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A plain class whose static initializer changed: a redefinition would not run it again,
 * so the class would serve its new methods with its old static values. It waits for a
 * refresh instead; a change to its methods only is still redefined.
 */
class StaticInitializerChangeTests {

	private static final String LABELS = """
			package demo;
			public class Labels {
				static final String VALUE = compute("v1");
				static String compute(String value) { return value.toUpperCase(); }
				public static String describe() { return "describe-v1 " + VALUE; }
			}
			""";

	private static final String RECEPTION = """
			package demo;
			@org.springframework.stereotype.Component
			public class Reception {
				public String label() { return Labels.describe(); }
			}
			""";

	@Test
	void changedStaticInitializerWaitsForARefresh(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp).compile("demo.Config",
				ReloadableClasses.COMPONENT_SCAN_CONFIG, "demo.Labels", LABELS, "demo.Reception", RECEPTION)) {
			Reloads.runner(classes, "demo.Config").run((context) -> {
				Object reception = context.getBean("reception");
				assertThat(call(reception, "label")).isEqualTo("describe-v1 V1");
				classes.compile("demo.Labels",
						LABELS.replace("compute(\"v1\")", "compute(\"v2\")").replace("describe-v1", "describe-v2"));
				PendingRefresh pendingRefresh = context.getBean(PendingRefresh.class);
				await().untilAsserted(
						() -> assertThat(pendingRefresh.classes()).containsExactly(new PendingClass("demo.Labels",
								"static initializer changed: a redefinition does not run it again")));
				assertThat(context.getBean(HotReloader.class).history())
					.noneMatch((record) -> record.outcome() == Outcome.REDEFINED);
				assertThat(call(reception, "label")).isEqualTo("describe-v1 V1");
			});
		}
	}

	@Test
	void changedMethodOnlyIsStillRedefined(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp).compile("demo.Config",
				ReloadableClasses.COMPONENT_SCAN_CONFIG, "demo.Labels", LABELS, "demo.Reception", RECEPTION)) {
			Reloads.runner(classes, "demo.Config").run((context) -> {
				Object reception = context.getBean("reception");
				assertThat(call(reception, "label")).isEqualTo("describe-v1 V1");
				classes.compile("demo.Labels", LABELS.replace("describe-v1", "describe-v2"));
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.outcome()).isEqualTo(Outcome.REDEFINED);
				assertThat(record.verdicts())
					.containsExactly(new Verdict("demo.Labels", Category.REDEFINE, "shape unchanged"));
				assertThat(call(reception, "label")).isEqualTo("describe-v2 V1");
				assertThat(context.getBean(PendingRefresh.class).classes()).isEmpty();
			});
		}
	}

}
