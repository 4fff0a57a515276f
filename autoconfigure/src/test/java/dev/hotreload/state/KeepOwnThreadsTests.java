package dev.hotreload.state;

import java.nio.file.Path;
import java.time.Duration;

import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A {@code KEEP} bean that owns a thread is not split in two by a reload: the old
 * instance's destroy callbacks stop its thread once the calls drained, the state is
 * carried, and the new instance's init callbacks start a thread that goes on from the
 * kept value.
 */
@ExtendWith(OutputCaptureExtension.class)
class KeepOwnThreadsTests {

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	private static final String TICKER = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Ticker {
				private volatile int ticks;
				private Thread worker;
				@jakarta.annotation.PostConstruct
				void start() {
					this.worker = new Thread(() -> {
						while (!Thread.currentThread().isInterrupted()) {
							this.ticks++;
							java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
						}
					}, "ticker-%1$s");
					this.worker.setDaemon(true);
					this.worker.start();
				}
				@jakarta.annotation.PreDestroy
				void stop() throws InterruptedException {
					this.worker.interrupt();
					this.worker.join();
				}
				public int ticks() { return this.ticks; }
				public String version() { return "%1$s"; }
			}
			""";

	@Test
	void threadOfTheOldInstanceStopsAndTheNewOneGoesOnFromTheKeptValue(@TempDir Path temp, CapturedOutput output)
			throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Ticker", TICKER.formatted("v1"));
			Reloads.runner(classes, "demo.Config").run((context) -> {
				Object ticker = context.getBean("ticker");
				await().atMost(Duration.ofSeconds(10)).until(() -> (int) call(ticker, "ticks") > 10);
				classes.compile("demo.Ticker", TICKER.formatted("v2"));
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.outcome()).isEqualTo(Outcome.RELOADED);
				assertThat(record.fields().kept()).contains("ticks");
				assertThat(record.notes()).anySatisfy(
						(note) -> assertThat(note).contains("destroy callbacks of generation 1 ran after the drain")
							.contains("init callbacks of generation 2 after the state was carried"));
				assertThat(call(ticker, "version")).isEqualTo("v2");
				int afterReload = (int) call(ticker, "ticks");
				assertThat(afterReload).isGreaterThan(10);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> threadAlive("ticker-v2") && !threadAlive("ticker-v1"));
				await().atMost(Duration.ofSeconds(10)).until(() -> (int) call(ticker, "ticks") > afterReload + 10);
				assertThat(output).contains("Reloaded 'ticker'")
					.contains("destroy callbacks of generation 1 ran after the drain");
			});
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> !threadAlive("ticker-v2"));
	}

	private static boolean threadAlive(String name) {
		return Thread.getAllStackTraces().keySet().stream().anyMatch((thread) -> thread.getName().equals(name));
	}

}
