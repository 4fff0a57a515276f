package dev.hotreload.state;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.hotreload.ReloadRecord;
import dev.hotreload.fixtures.Gate;
import dev.hotreload.fixtures.LifecycleEvents;
import dev.hotreload.testsupport.LifecycleBeans;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Under {@code StatePolicy.RESET} a reload gives the new instance its initial state and
 * the full bean lifecycle, and destroys the old instance once its calls in flight have
 * finished, or the new instance if the reload fails.
 */
class ResetStateLifecycleTests {

	private static final String CONFIG = LifecycleBeans.CONFIG;

	private static final String RESET = "@dev.hotreload.HotReloadable(state = dev.hotreload.StatePolicy.RESET)";

	private static final String WORKER = """
			package demo;
			import dev.hotreload.fixtures.Gate;
			import dev.hotreload.fixtures.LifecycleEvents;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable(state = dev.hotreload.StatePolicy.RESET)
			public class Worker implements org.springframework.beans.factory.DisposableBean {
				private final LifecycleEvents events;
				private final Gate gate;
				public Worker(LifecycleEvents events, Gate gate) {
					this.events = events;
					this.gate = gate;
				}
				public String work() throws InterruptedException {
					this.events.add("work started %1$s");
					this.gate.pass();
					this.events.add("work finished %1$s");
					return "%1$s";
				}
				public String version() {
					return "%1$s";
				}
				@Override
				public void destroy() {
					this.events.add("destroy %1$s");
				}
			}
			""";

	private static final String GUARDED_SESSION = """
			package demo;
			import jakarta.annotation.PostConstruct;
			import jakarta.annotation.PreDestroy;
			import dev.hotreload.fixtures.LifecycleEvents;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable(state = dev.hotreload.StatePolicy.RESET)
			public class GuardedSession {
				private final LifecycleEvents events;
				private int hits;
				public GuardedSession(LifecycleEvents events) {
					this.events = events;
				}
				@PostConstruct
				void open() {
					this.events.add("postConstruct %1$s");
				}
				@PreDestroy
				void close() {
					this.events.add("preDestroy %1$s hits=" + this.hits);
				}
				@dev.hotreload.AfterReload
				void check() {
					if (%2$b) {
						throw new IllegalStateException("%1$s is not ready");
					}
				}
				public String hit() {
					return "%1$s hits=" + (++this.hits);
				}
			}
			""";

	@Test
	void newInstanceStartsFreshAndOldInstanceIsDestroyed(@TempDir Path temp) throws Exception {
		AtomicReference<LifecycleEvents> events = new AtomicReference<>();
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Session", LifecycleBeans.recorder("Session", RESET, "v1"));
			Reloads.runner(classes, "demo.Config").run((context) -> {
				events.set(context.getBean(LifecycleEvents.class));
				Object session = context.getBean("session");
				call(session, "hit");
				call(session, "hit");
				call(session, "hit");
				assertThat(call(session, "describe")).isEqualTo("v1 hits=3 opened=v1");
				assertThat(events.get().events()).containsExactly("postConstruct v1 hits=0", "afterPropertiesSet v1");
				classes.compile("demo.Session", LifecycleBeans.recorder("Session", RESET, "v2"));
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.outcome()).isEqualTo(ReloadRecord.Outcome.RELOADED);
				assertThat(record.generation()).isEqualTo(2);
				assertThat(record.fields().kept()).isEmpty();
				assertThat(record.fields().reset()).containsExactlyInAnyOrder("events", "hits", "opened");
				assertThat(record.fields().dropped()).isEmpty();
				assertThat(call(session, "describe")).isEqualTo("v2 hits=0 opened=v2");
				assertThat(events.get().events()).containsExactly("postConstruct v1 hits=0", "afterPropertiesSet v1",
						"postConstruct v2 hits=0", "afterPropertiesSet v2", "preDestroy v1 hits=3");
				assertThat(call(session, "hit")).isEqualTo(1);
			});
		}
		assertThat(events.get().events()).containsExactly("postConstruct v1 hits=0", "afterPropertiesSet v1",
				"postConstruct v2 hits=0", "afterPropertiesSet v2", "preDestroy v1 hits=3", "preDestroy v2 hits=1");
	}

	@Test
	void oldInstanceIsDestroyedOnceItsCallsInFlightFinished(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Worker", WORKER.formatted("v1"));
			Reloads.runner(classes, "demo.Config")
				.withPropertyValues("hotreload.reload.drain-timeout=30s")
				.run((context) -> {
					LifecycleEvents events = context.getBean(LifecycleEvents.class);
					Gate gate = context.getBean(Gate.class);
					Object worker = context.getBean("worker");
					CompletableFuture<Object> inFlight = CompletableFuture.supplyAsync(() -> call(worker, "work"));
					gate.awaitEntered();
					classes.compile("demo.Worker", WORKER.formatted("v2"));
					await().atMost(Duration.ofSeconds(10))
						.untilAsserted(() -> assertThat(call(worker, "version")).isEqualTo("v2"));
					assertThat(events.events()).containsExactly("work started v1");
					gate.release();
					assertThat(inFlight.get(10, TimeUnit.SECONDS)).isEqualTo("v1");
					ReloadRecord record = Reloads.awaitRecords(context, 1);
					assertThat(record.outcome()).isEqualTo(ReloadRecord.Outcome.RELOADED);
					assertThat(record.inFlightCalls()).isZero();
					assertThat(events.events()).containsExactly("work started v1", "work finished v1", "destroy v1");
				});
		}
	}

	@Test
	void failedReloadDestroysTheNewInstanceAndKeepsTheOldOne(@TempDir Path temp) throws Exception {
		AtomicReference<LifecycleEvents> events = new AtomicReference<>();
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.GuardedSession", GUARDED_SESSION.formatted("v1", false));
			Reloads.runner(classes, "demo.Config").run((context) -> {
				events.set(context.getBean(LifecycleEvents.class));
				Object session = context.getBean("guardedSession");
				assertThat(call(session, "hit")).isEqualTo("v1 hits=1");
				classes.compile("demo.GuardedSession", GUARDED_SESSION.formatted("v2", true));
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.outcome()).isEqualTo(ReloadRecord.Outcome.FAILED);
				assertThat(record.generation()).isEqualTo(1);
				assertThat(record.failure()).isNotNull();
				assertThat(record.failure().message()).isEqualTo("v2 is not ready");
				assertThat(events.get().events()).containsExactly("postConstruct v1", "postConstruct v2",
						"preDestroy v2 hits=0");
				assertThat(call(session, "hit")).isEqualTo("v1 hits=2");
			});
		}
		assertThat(events.get().events()).containsExactly("postConstruct v1", "postConstruct v2",
				"preDestroy v2 hits=0", "preDestroy v1 hits=2");
	}

}
