package dev.hotreload.proxy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls that mutate a bean's state from several threads while dozens of reloads happen:
 * no update is lost and no call fails.
 */
public class ConcurrentReloadTests {

	private static final int THREADS = 4;

	private static final int MIN_CALLS_PER_THREAD = 1_000;

	private static final int RELOADS = 40;

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	// A plain long guarded by the instance's monitor: an increment that ran on an old
	// instance after its state was copied would be lost.
	private static final String TALLY = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Tally implements dev.hotreload.proxy.ConcurrentReloadTests.Counter {
				private long count;
				public synchronized void increment() { count++; }
				public synchronized long count() { return count; }
			}
			""";

	@Test
	void noUpdateIsLostWhileReloading(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Tally", TALLY);
			Reloads.runner(classes, "demo.Config").run((context) -> {
				Counter tally = context.getBean(Counter.class);
				HotReloader reloader = context.getBean(HotReloader.class);
				ExecutorService callers = Executors.newFixedThreadPool(THREADS);
				CountDownLatch callersStarted = new CountDownLatch(THREADS);
				AtomicBoolean reloadsDone = new AtomicBoolean();
				try {
					List<Future<Long>> calls = new ArrayList<>();
					for (int i = 0; i < THREADS; i++) {
						calls.add(callers.submit(() -> {
							long made = 0;
							tally.increment();
							made++;
							callersStarted.countDown();
							// Keep calling until every reload is done, so that all of
							// them
							// happen while calls are running.
							while (!reloadsDone.get() || made < MIN_CALLS_PER_THREAD) {
								tally.increment();
								made++;
							}
							return made;
						}));
					}
					assertThat(callersStarted.await(30, TimeUnit.SECONDS)).isTrue();
					List<ReloadRecord> records = new ArrayList<>();
					for (int i = 0; i < RELOADS; i++) {
						records.add(reloader.reload("tally"));
					}
					reloadsDone.set(true);
					long expected = 0;
					for (Future<Long> made : calls) {
						expected += made.get(60, TimeUnit.SECONDS);
					}
					assertThat(records).extracting(ReloadRecord::outcome).containsOnly(ReloadRecord.Outcome.RELOADED);
					assertThat(records).extracting(ReloadRecord::inFlightCalls).containsOnly(0);
					assertThat(records.get(RELOADS - 1).generation()).isEqualTo(RELOADS + 1);
					assertThat(tally.count()).isEqualTo(expected);
					System.out.printf(
							"Concurrent reload test: %d threads made %d calls during %d reloads "
									+ "(mean reload %.2f ms); count %d%n",
							THREADS, expected, RELOADS,
							records.stream().mapToDouble(ReloadRecord::durationMillis).average().orElse(0),
							tally.count());
				}
				finally {
					reloadsDone.set(true);
					callers.shutdownNow();
				}
			});
		}
	}

	/**
	 * The view of the bean that callers compiled against the first version use.
	 */
	public interface Counter {

		/**
		 * Add one.
		 */
		void increment();

		/**
		 * Return the count.
		 * @return the count
		 */
		long count();

	}

}
