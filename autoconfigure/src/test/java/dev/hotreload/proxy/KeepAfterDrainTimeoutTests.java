package dev.hotreload.proxy;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under {@code KEEP}, a call that outlasts the drain timeout still runs on the old
 * instance when its fields are carried over, and what it writes afterwards is lost: the
 * reload says so in a WARN line that names the bean and the number of calls, and in its
 * record.
 */
@ExtendWith(OutputCaptureExtension.class)
public class KeepAfterDrainTimeoutTests {

	/** Counted down by the bean once the long call is inside it. */
	public static volatile CountDownLatch entered = new CountDownLatch(0);

	/** Awaited by the long call. */
	public static volatile CountDownLatch release = new CountDownLatch(0);

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	private static final String COUNTER = """
			package demo;
			import dev.hotreload.proxy.KeepAfterDrainTimeoutTests;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class SlowCounter {
				private int count;
				public int incrementSlowly() throws InterruptedException {
					KeepAfterDrainTimeoutTests.entered.countDown();
					KeepAfterDrainTimeoutTests.release.await();
					return ++this.count;
				}
				public String describe() { return "%s " + this.count; }
			}
			""";

	@AfterEach
	void releaseCall() {
		release.countDown();
	}

	@Test
	void stateCarriedWhileACallStillRunsIsAWarningAndInTheRecord(@TempDir Path temp, CapturedOutput output)
			throws Exception {
		entered = new CountDownLatch(1);
		release = new CountDownLatch(1);
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.SlowCounter", COUNTER.formatted("v1"));
			Reloads.runner(classes, "demo.Config")
				.withPropertyValues("hotreload.reload.drain-timeout=200ms", "hotreload.watch.quiet-period=10s")
				.run((context) -> {
					Object counter = context.getBean("slowCounter");
					CompletableFuture<Object> longCall = CompletableFuture
						.supplyAsync(() -> call(counter, "incrementSlowly"));
					assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
					classes.compile("demo.SlowCounter", COUNTER.formatted("v2"));
					ReloadRecord record = context.getBean(HotReloader.class).reload("slowCounter");
					assertThat(record.outcome()).isEqualTo(ReloadRecord.Outcome.RELOADED);
					assertThat(record.inFlightCalls()).isEqualTo(1);
					assertThat(record.notes()).contains("1 call(s) still ran on generation 1 when its state was "
							+ "carried to generation 2 after the drain timeout of 200ms; what they write from now "
							+ "on is lost");
					assertThat(output).contains("WARN")
						.contains("Reload of 'slowCounter': 1 call(s) still ran on generation 1 when its state was "
								+ "carried");
					release.countDown();
					assertThat(longCall.get(10, TimeUnit.SECONDS)).isEqualTo(1);
					assertThat(call(counter, "describe")).isEqualTo("v2 0");
				});
		}
	}

}
