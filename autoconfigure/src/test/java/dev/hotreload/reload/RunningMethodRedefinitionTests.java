package dev.hotreload.reload;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

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
 * A redefined class whose method runs on a thread of its own: the running loop keeps its
 * old body, each method it calls runs the new one, and the record and the log line say
 * which method keeps running.
 */
@ExtendWith(OutputCaptureExtension.class)
class RunningMethodRedefinitionTests {

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	private static final String WORKER = """
			package demo;
			@org.springframework.stereotype.Component
			public class Worker implements org.springframework.beans.factory.DisposableBean {
				private volatile boolean running = true;
				private volatile String last = "";
				public Worker() {
					Thread thread = new Thread(this::loop, "demo-worker");
					thread.setDaemon(true);
					thread.start();
				}
				private void loop() {
					while (running) {
						last = label();
						java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
					}
				}
				public String label() { return "%s"; }
				public String last() { return last; }
				@Override
				public void destroy() { running = false; }
			}
			""";

	private static final String NOTE = "demo.Worker.loop() is running on thread 'demo-worker' and keeps its old "
			+ "body until it is called again";

	@Test
	void methodRunningOnItsOwnThreadIsNamedInTheRecordAndTheMethodsItCallsRunTheNewBody(@TempDir Path temp,
			CapturedOutput output) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Worker", WORKER.formatted("v1"));
			Reloads.runner(classes, "demo.Config").run((context) -> {
				Object worker = context.getBean("worker");
				await().atMost(Duration.ofSeconds(10)).until(() -> "v1".equals(call(worker, "last")));
				classes.compile("demo.Worker", WORKER.formatted("v2"));
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.outcome()).isEqualTo(Outcome.REDEFINED);
				assertThat(record.notes()).containsExactly(NOTE);
				assertThat(output)
					.containsPattern("Redefined 1 class in place in [0-9.]+ ms: demo.Worker; " + Pattern.quote(NOTE));
				await().atMost(Duration.ofSeconds(10)).until(() -> "v2".equals(call(worker, "last")));
			});
		}
	}

}
