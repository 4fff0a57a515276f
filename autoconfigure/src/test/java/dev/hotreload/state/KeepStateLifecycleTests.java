package dev.hotreload.state;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import dev.hotreload.ReloadRecord;
import dev.hotreload.fixtures.LifecycleEvents;
import dev.hotreload.testsupport.LifecycleBeans;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under {@code StatePolicy.KEEP} a bean with destroy callbacks is stopped and started
 * around the state hand-over: the old instance's destroy callbacks run after the drain,
 * the state is carried, then the new instance's init callbacks run; only the live
 * generation is destroyed with the context.
 */
class KeepStateLifecycleTests {

	private static final String CONFIG = LifecycleBeans.CONFIG;

	@Test
	void destroyCallbacksOfTheOldAndInitCallbacksOfTheNewRunAroundTheHandOver(@TempDir Path temp) throws Exception {
		AtomicReference<LifecycleEvents> events = new AtomicReference<>();
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Tracker",
					LifecycleBeans.recorder("Tracker", "@dev.hotreload.HotReloadable", "v1"));
			Reloads.runner(classes, "demo.Config").run((context) -> {
				events.set(context.getBean(LifecycleEvents.class));
				Object tracker = context.getBean("tracker");
				call(tracker, "hit");
				call(tracker, "hit");
				assertThat(events.get().events()).containsExactly("postConstruct v1 hits=0", "afterPropertiesSet v1");
				classes.compile("demo.Tracker",
						LifecycleBeans.recorder("Tracker", "@dev.hotreload.HotReloadable", "v2"));
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.outcome()).isEqualTo(ReloadRecord.Outcome.RELOADED);
				assertThat(record.fields().kept()).containsExactlyInAnyOrder("hits", "opened");
				assertThat(call(tracker, "describe")).isEqualTo("v2 hits=2 opened=v2");
				assertThat(events.get().events()).containsExactly("postConstruct v1 hits=0", "afterPropertiesSet v1",
						"preDestroy v1 hits=2", "postConstruct v2 hits=2", "afterPropertiesSet v2");
				call(tracker, "hit");
			});
		}
		assertThat(events.get().events()).containsExactly("postConstruct v1 hits=0", "afterPropertiesSet v1",
				"preDestroy v1 hits=2", "postConstruct v2 hits=2", "afterPropertiesSet v2", "preDestroy v2 hits=3");
	}

}
