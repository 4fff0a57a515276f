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

import org.springframework.aop.framework.Advised;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A thread that is inside a bean and calls it again through its proxy (A to B to A) while
 * a reload holds new calls is not held, so the reload does not deadlock with it.
 */
public class ReentrantCallTests {

	/** Counted down by the bean once the outer call is inside it. */
	public static volatile CountDownLatch entered;

	/** Awaited by the bean before it calls back into itself. */
	public static volatile CountDownLatch release;

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	private static final String OUTER = """
			package demo;
			import dev.hotreload.proxy.ReentrantCallTests;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Outer implements ReentrantCallTests.Reentrant {
				private final Relay relay;
				public Outer(Relay relay) { this.relay = relay; }
				public String outer() throws Exception {
					ReentrantCallTests.entered.countDown();
					ReentrantCallTests.release.await();
					return "outer>" + relay.back();
				}
				public String inner() { return "inner"; }
			}
			""";

	private static final String RELAY = """
			package demo;
			@org.springframework.stereotype.Component
			public class Relay {
				private final org.springframework.beans.factory.ObjectProvider<dev.hotreload.proxy.ReentrantCallTests.Reentrant> outer;
				public Relay(org.springframework.beans.factory.ObjectProvider<dev.hotreload.proxy.ReentrantCallTests.Reentrant> outer) {
					this.outer = outer;
				}
				public String back() { return "relay>" + outer.getObject().inner(); }
			}
			""";

	@Test
	void reentrantCallIsNotHeldByReload(@TempDir Path temp) throws Exception {
		entered = new CountDownLatch(1);
		release = new CountDownLatch(1);
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Relay", RELAY, "demo.Outer", OUTER);
			Reloads.runner(classes, "demo.Config")
				.withPropertyValues("hotreload.reload.drain-timeout=60s")
				.run((context) -> {
					Reentrant outer = context.getBean(Reentrant.class);
					ReloadableTarget target = (ReloadableTarget) ((Advised) outer).getTargetSource();
					CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> {
						try {
							return outer.outer();
						}
						catch (Exception ex) {
							throw new IllegalStateException(ex);
						}
					});
					assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
					HotReloader reloader = context.getBean(HotReloader.class);
					CompletableFuture<ReloadRecord> reload = CompletableFuture
						.supplyAsync(() -> reloader.reload("outer"));
					await().until(() -> target.gate().isHolding());
					release.countDown();
					// Were the re-entrant call held, it would wait for the 60 s drain
					// timeout.
					assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("outer>relay>inner");
					ReloadRecord record = reload.get(10, TimeUnit.SECONDS);
					assertThat(record.outcome()).isEqualTo(ReloadRecord.Outcome.RELOADED);
					assertThat(record.inFlightCalls()).isZero();
					assertThat(target.current().number()).isEqualTo(2);
					assertThat(outer.inner()).isEqualTo("inner");
				});
		}
	}

	/**
	 * The view of the bean that callers compiled against the first version use.
	 */
	public interface Reentrant {

		/**
		 * Enter the bean and call back into it through another bean.
		 * @return the path of the call
		 * @throws Exception if interrupted
		 */
		String outer() throws Exception;

		/**
		 * The method called back.
		 * @return a fixed word
		 */
		String inner();

	}

}
