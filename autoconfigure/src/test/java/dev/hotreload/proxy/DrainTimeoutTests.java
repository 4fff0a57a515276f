package dev.hotreload.proxy;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call that outlasts the drain timeout does not stop a reload: the reload goes on, its
 * record counts the call, the call finishes on the old generation and new calls reach the
 * new one.
 */
public class DrainTimeoutTests {

	/** Counted down by the bean once the long call is inside it. */
	public static volatile CountDownLatch entered;

	/** Awaited by the long call. */
	public static volatile CountDownLatch release;

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	private static final String WORKER = """
			package demo;
			import dev.hotreload.proxy.DrainTimeoutTests;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Worker implements DrainTimeoutTests.LongRunning {
				public String work() throws Exception {
					DrainTimeoutTests.entered.countDown();
					DrainTimeoutTests.release.await();
					return "%s";
				}
				public String version() { return "%s"; }
			}
			""";

	@Test
	void reloadProceedsAfterDrainTimeout(@TempDir Path temp) throws Exception {
		entered = new CountDownLatch(1);
		release = new CountDownLatch(1);
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Worker", WORKER.formatted("work v1", "v1"));
			Reloads.runner(classes, "demo.Config")
				.withPropertyValues("hotreload.reload.drain-timeout=200ms", "hotreload.watch.quiet-period=10s")
				.run((context) -> {
					LongRunning worker = context.getBean(LongRunning.class);
					CompletableFuture<String> longCall = CompletableFuture.supplyAsync(() -> {
						try {
							return worker.work();
						}
						catch (Exception ex) {
							throw new IllegalStateException(ex);
						}
					});
					assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
					classes.compile("demo.Worker", WORKER.formatted("work v2", "v2"));
					ReloadRecord record = context.getBean(HotReloader.class).reload("worker");
					assertThat(record.outcome()).isEqualTo(ReloadRecord.Outcome.RELOADED);
					assertThat(record.generation()).isEqualTo(2);
					assertThat(record.inFlightCalls()).isEqualTo(1);
					assertThat(longCall).isNotDone();
					assertThat(worker.version()).isEqualTo("v2");
					release.countDown();
					assertThat(longCall.get(10, TimeUnit.SECONDS)).isEqualTo("work v1");
				});
		}
	}

	/**
	 * The view of the bean that callers compiled against the first version use.
	 */
	public interface LongRunning {

		/**
		 * Run until released.
		 * @return which version ran
		 * @throws Exception if interrupted
		 */
		String work() throws Exception;

		/**
		 * Tell the version of the code.
		 * @return the version
		 */
		String version() throws Exception;

	}

}
