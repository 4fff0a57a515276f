package dev.hotreload.reload;

import java.nio.file.Path;

import dev.hotreload.ReloadRecord;
import dev.hotreload.testsupport.Counters;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A class-based bean without interface, found by component scanning, reloaded when its
 * class file changes.
 */
class ClassBasedBeanReloadTests {

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	@Test
	void servesNewCodeWithStateKept(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Counter", Counters.V1);
			Reloads.runner(classes, "demo.Config").run((context) -> {
				Object counter = context.getBean("counter");
				assertThat(classes.load("demo.Counter").isInstance(counter)).isTrue();
				call(counter, "increment");
				call(counter, "increment");
				assertThat(call(counter, "describe")).isEqualTo("v1:2");
				classes.compile("demo.Counter", Counters.V2);
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.outcome()).isEqualTo(ReloadRecord.Outcome.RELOADED);
				assertThat(record.trigger()).isEqualTo(ReloadRecord.Trigger.FILE_CHANGE);
				assertThat(record.generation()).isEqualTo(2);
				assertThat(record.classes()).containsExactly("demo.Counter");
				assertThat(record.fields().kept()).containsExactly("count");
				assertThat(call(counter, "describe")).isEqualTo("v2:2");
				assertThat(call(counter, "increment")).isEqualTo(12);
				assertThat(context.getBean(classes.load("demo.Counter"))).isSameAs(counter);
			});
		}
	}

}
