package dev.hotreload.reload;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reload that does not finish within {@code hotreload.reload.timeout} is abandoned: it
 * is recorded as failed with the cause, the calls it held go on, the previous generation
 * keeps serving, and the reloads of other beans do not wait for it.
 */
public class ReloadTimeoutTests {

	/** Awaited by the constructor and the {@code @AfterReload} method of version 2. */
	public static volatile CountDownLatch release = new CountDownLatch(0);

	/** Counted down once a stuck step of version 2 has gone on. */
	public static volatile CountDownLatch resumed = new CountDownLatch(0);

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	private static final String SLOW_CONSTRUCTOR = """
			package demo;
			import dev.hotreload.reload.ReloadTimeoutTests;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Slow {
				public Slow() throws InterruptedException {
					if ("%1$s".equals("v2")) {
						ReloadTimeoutTests.release.await();
						ReloadTimeoutTests.resumed.countDown();
					}
				}
				public String version() { return "%1$s"; }
			}
			""";

	private static final String SLOW_AFTER_RELOAD = """
			package demo;
			import dev.hotreload.reload.ReloadTimeoutTests;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Hook {
				private int calls;
				@dev.hotreload.AfterReload
				void afterReload() throws InterruptedException {
					ReloadTimeoutTests.release.await();
					ReloadTimeoutTests.resumed.countDown();
				}
				public String call() { return "%s " + (++calls); }
			}
			""";

	private static final String QUICK = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Quick {
				public String version() { return "%s"; }
			}
			""";

	@AfterEach
	void releaseStuckReloads() {
		release.countDown();
	}

	@Test
	void stuckConstructorIsAbandonedAndOtherBeansReloadMeanwhile(@TempDir Path temp) throws Exception {
		release = new CountDownLatch(1);
		resumed = new CountDownLatch(1);
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Slow", SLOW_CONSTRUCTOR.formatted("v1"), "demo.Quick",
					QUICK.formatted("v1"));
			Reloads.runner(classes, "demo.Config")
				.withPropertyValues("hotreload.reload.timeout=1s", "hotreload.watch.quiet-period=10s")
				.run((context) -> {
					HotReloader reloader = context.getBean(HotReloader.class);
					Object slow = context.getBean("slow");
					Object quick = context.getBean("quick");
					classes.compile("demo.Slow", SLOW_CONSTRUCTOR.formatted("v2"), "demo.Quick", QUICK.formatted("v2"));
					CompletableFuture<ReloadRecord> stuck = CompletableFuture
						.supplyAsync(() -> reloader.reload("slow"));
					await().atMost(Duration.ofSeconds(10)).until(() -> release.getCount() == 1 && stuckInConstructor());
					ReloadRecord other = CompletableFuture.supplyAsync(() -> reloader.reload("quick"))
						.get(10, TimeUnit.SECONDS);
					assertThat(other.outcome()).isEqualTo(Outcome.RELOADED);
					assertThat(call(quick, "version")).isEqualTo("v2");
					assertThat(stuck).isNotDone();
					ReloadRecord abandoned = stuck.get(10, TimeUnit.SECONDS);
					assertThat(abandoned.outcome()).isEqualTo(Outcome.FAILED);
					assertThat(abandoned.generation()).isEqualTo(1);
					assertThat(abandoned.durationMillis()).isGreaterThanOrEqualTo(1000);
					assertThat(abandoned.failure().type()).isEqualTo("ReloadTimeout");
					assertThat(abandoned.failure().message()).contains("did not finish within 1000ms")
						.contains("generation 1 keeps serving");
					assertThat(call(slow, "version")).isEqualTo("v1");
					release.countDown();
					assertThat(resumed.await(10, TimeUnit.SECONDS)).isTrue();
					await().pollDelay(Duration.ofMillis(200))
						.atMost(Duration.ofSeconds(5))
						.untilAsserted(() -> assertThat(reloader.bean("slow").generation()).isEqualTo(1));
					assertThat(call(slow, "version")).isEqualTo("v1");
				});
		}
	}

	@Test
	void stuckAfterReloadMethodReleasesTheHeldCallsToThePreviousGeneration(@TempDir Path temp) throws Exception {
		release = new CountDownLatch(1);
		resumed = new CountDownLatch(1);
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Hook", SLOW_AFTER_RELOAD.formatted("v1"));
			Reloads.runner(classes, "demo.Config")
				.withPropertyValues("hotreload.reload.timeout=1s", "hotreload.watch.quiet-period=10s")
				.run((context) -> {
					HotReloader reloader = context.getBean(HotReloader.class);
					Object hook = context.getBean("hook");
					assertThat(call(hook, "call")).isEqualTo("v1 1");
					classes.compile("demo.Hook", SLOW_AFTER_RELOAD.formatted("v2"));
					CompletableFuture<ReloadRecord> stuck = CompletableFuture
						.supplyAsync(() -> reloader.reload("hook"));
					await().atMost(Duration.ofSeconds(10)).until(() -> stuckIn("afterReload"));
					CompletableFuture<Object> held = CompletableFuture.supplyAsync(() -> call(hook, "call"));
					ReloadRecord abandoned = stuck.get(10, TimeUnit.SECONDS);
					assertThat(abandoned.outcome()).isEqualTo(Outcome.FAILED);
					assertThat(abandoned.failure().type()).isEqualTo("ReloadTimeout");
					assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo("v1 2");
					release.countDown();
					assertThat(resumed.await(10, TimeUnit.SECONDS)).isTrue();
					await().pollDelay(Duration.ofMillis(200))
						.atMost(Duration.ofSeconds(5))
						.untilAsserted(() -> assertThat(reloader.bean("hook").generation()).isEqualTo(1));
					assertThat(call(hook, "call")).isEqualTo("v1 3");
				});
		}
	}

	private static boolean stuckInConstructor() {
		return stuckIn("<init>");
	}

	private static boolean stuckIn(String methodName) {
		return Thread.getAllStackTraces()
			.values()
			.stream()
			.anyMatch((frames) -> frames.length > 0 && java.util.Arrays.stream(frames)
				.anyMatch((frame) -> frame.getClassName().startsWith("demo.")
						&& frame.getMethodName().equals(methodName)));
	}

}
