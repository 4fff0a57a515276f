package dev.hotreload.refresh;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A refresh whose new web server finds its fixed port taken, by another process that
 * grabbed it after the previous run's server let it go, launches the application again
 * with a backoff until the port is free, and is recorded once; past the retry timeout it
 * fails naming the port, and the next change refreshes again.
 */
class PortInUseRefreshTests {

	@TempDir
	Path temp;

	@Test
	void refreshTriesAgainWhileThePortIsTakenAndIsRecordedOnceWithTheAttempts() throws Exception {
		int port = freePort();
		try (RefreshingApplication app = RefreshingApplication.start(this.temp, FullRefreshTests.sources(""),
				"--server.port=" + port, "--hotreload.refresh.port-retry-timeout=30s")) {
			assertThat(app.body("/hello/ann")).startsWith("1 [ann]");
			long before = app.history().isEmpty() ? 0 : app.history().get(0).id();
			int runs = app.refresher().runs();
			// Let go 500 ms after the refresh's first attempt failed for the port, as a
			// slow process does.
			PortGrabber grabber = new PortGrabber(port, () -> app.refresher().runs() > runs + 1,
					Duration.ofMillis(500));
			grabber.start();
			long started = System.nanoTime();
			long id = app.reloader().refresh();
			ReloadRecord refreshed = app.awaitRecord(id);
			long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
			assertThat(grabber.held()).as("the test held the port during the refresh").isTrue();
			assertThat(refreshed.outcome()).isEqualTo(Outcome.REFRESHED);
			assertThat(refreshed.failure()).isNull();
			assertThat(refreshed.carried().get("counter").kept()).containsExactlyInAnyOrder("count", "names");
			assertThat(refreshed.notes()).singleElement()
				.asString()
				.matches("the port " + port + " was in use, so it took \\d+ attempts")
				.doesNotEndWith(" 1 attempts");
			assertThat(app.history()).filteredOn((record) -> record.id() > before)
				.as("one record for the refresh, however many attempts")
				.extracting(ReloadRecord::id)
				.containsExactly(id);
			await().atMost(Duration.ofSeconds(30))
				.ignoreExceptions()
				.until(() -> app.body("/hello/bob").startsWith("2 [ann, bob]"));
			assertThat(app.port()).isEqualTo(port);
			System.out.println("Port " + port + " held for " + grabber.heldMillis() + " ms: " + refreshed.notes()
					+ ", refresh recorded in " + refreshed.durationMillis() + " ms, " + millis
					+ " ms from the request to the record");
			grabber.close();
		}
	}

	@Test
	void refreshFailsNamingThePortOnceTheRetryTimeoutIsOverAndTheNextChangeRefreshesAgain() throws Exception {
		int port = freePort();
		try (RefreshingApplication app = RefreshingApplication.start(this.temp, FullRefreshTests.sources(""),
				"--server.port=" + port, "--hotreload.refresh.port-retry-timeout=1s");
				PortGrabber grabber = new PortGrabber(port, () -> false, Duration.ZERO)) {
			assertThat(app.body("/hello/ann")).startsWith("1 [ann]");
			long before = app.history().isEmpty() ? 0 : app.history().get(0).id();
			grabber.start();
			long id = app.reloader().refresh();
			ReloadRecord failed = app.awaitRecord(id);
			assertThat(grabber.held()).isTrue();
			assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
			assertThat(failed.failure()).isNotNull();
			assertThat(failed.failure().type()).isEqualTo("PortStillInUseException");
			assertThat(failed.failure().message()).startsWith("The port " + port + " was still in use after ")
				.contains("hotreload.refresh.port-retry-timeout=1s");
			assertThat(app.history()).filteredOn((record) -> record.id() > before)
				.extracting(ReloadRecord::id)
				.containsExactly(id);
			assertThat(app.refresher().contexts()).isEmpty();
			System.out.println("Gave up: " + failed.failure().message() + " (" + failed.durationMillis() + " ms)");

			grabber.close();
			app.compile("demo.Greetings", FullRefreshTests.CONTROLLER.formatted(FullRefreshTests.BYE));
			await().atMost(Duration.ofSeconds(60))
				.until(() -> app.history().get(0).id() > id && app.history().get(0).outcome() == Outcome.REFRESHED);
			assertThat(app.history().get(0).notes()).isEmpty();
			await().atMost(Duration.ofSeconds(30))
				.ignoreExceptions()
				.until(() -> app.body("/bye").startsWith("bye after 2 [ann, bye]"));
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * Another process that takes the port as soon as the running web server lets it go,
	 * and holds it until a condition holds and a while longer, or until closed.
	 */
	private static final class PortGrabber implements AutoCloseable {

		private final int port;

		private final BooleanSupplier until;

		private final Duration andThen;

		private final CountDownLatch closed = new CountDownLatch(1);

		private final Thread thread;

		private volatile boolean held;

		private volatile long heldMillis;

		PortGrabber(int port, BooleanSupplier until, Duration andThen) {
			this.port = port;
			this.until = until;
			this.andThen = andThen;
			this.thread = new Thread(this::grab, "port-grabber");
			this.thread.setDaemon(true);
		}

		void start() {
			this.thread.start();
		}

		private void grab() {
			try (ServerSocket socket = bindOnceFree()) {
				if (socket == null) {
					return;
				}
				long start = System.nanoTime();
				this.held = true;
				while (!this.until.getAsBoolean() && !this.closed.await(1, TimeUnit.MILLISECONDS)) {
					// Holding the port.
				}
				this.closed.await(this.andThen.toMillis(), TimeUnit.MILLISECONDS);
				this.heldMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
			}
			catch (IOException | InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private ServerSocket bindOnceFree() throws IOException, InterruptedException {
			do {
				ServerSocket socket = new ServerSocket();
				socket.setReuseAddress(true);
				try {
					socket.bind(new InetSocketAddress(this.port));
					return socket;
				}
				catch (BindException ex) {
					socket.close();
				}
			}
			while (!this.closed.await(1, TimeUnit.MILLISECONDS));
			return null;
		}

		boolean held() {
			return this.held;
		}

		long heldMillis() {
			return this.heldMillis;
		}

		@Override
		public void close() throws InterruptedException {
			this.closed.countDown();
			this.thread.join(5000);
		}

	}

}
