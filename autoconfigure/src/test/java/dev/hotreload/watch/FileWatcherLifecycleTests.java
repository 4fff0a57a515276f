package dev.hotreload.watch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * How a {@link FileWatcher} starts and stops around the batches it delivers: no change is
 * lost while it starts, a slow delivery does not stall the intake of events, and stopping
 * lets the batch being delivered finish instead of interrupting it.
 */
@ExtendWith(OutputCaptureExtension.class)
class FileWatcherLifecycleTests extends AbstractFileWatcherTests {

	private static final Duration QUIET_PERIOD = Duration.ofMillis(50);

	@Test
	void stopLetsTheBatchBeingDeliveredFinishWithoutInterruptingIt() throws Exception {
		CountDownLatch delivering = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicBoolean interrupted = new AtomicBoolean();
		AtomicBoolean finished = new AtomicBoolean();
		FileWatcher watcher = watcher(
				new FileWatcher("stopping", List.of(this.root), QUIET_PERIOD, CLASS_FILES, (changes) -> {
					delivering.countDown();
					try {
						release.await();
						finished.set(true);
					}
					catch (InterruptedException ex) {
						interrupted.set(true);
					}
				}));
		watcher.start();
		Files.writeString(this.root.resolve("Foo.class"), "changed");
		await().atMost(TIMEOUT).until(() -> delivering.getCount() == 0);
		Thread stopper = new Thread(watcher::stop, "stopper");
		stopper.start();
		await().atMost(TIMEOUT).until(() -> stopper.getState() == Thread.State.TIMED_WAITING);
		release.countDown();
		stopper.join(TIMEOUT.toMillis());
		assertThat(stopper.isAlive()).isFalse();
		assertThat(interrupted).isFalse();
		assertThat(finished).isTrue();
		assertThat(threadsNamed("stopping-")).isEmpty();
	}

	@Test
	void stopInterruptsABatchThatOutlivesTheStopTimeout(CapturedOutput output) throws Exception {
		CountDownLatch delivering = new CountDownLatch(1);
		AtomicBoolean interrupted = new AtomicBoolean();
		FileWatcher watcher = watcher(new FileWatcher("stuck", List.of(this.root), QUIET_PERIOD, Duration.ofMillis(200),
				CLASS_FILES, (changes) -> {
					delivering.countDown();
					try {
						new CountDownLatch(1).await();
					}
					catch (InterruptedException ex) {
						interrupted.set(true);
					}
				}));
		watcher.start();
		Files.writeString(this.root.resolve("Foo.class"), "changed");
		await().atMost(TIMEOUT).until(() -> delivering.getCount() == 0);
		watcher.stop();
		await().atMost(TIMEOUT).untilTrue(interrupted);
		await().atMost(TIMEOUT).until(() -> threadsNamed("stuck-").isEmpty());
		assertThat(output).contains("WARN").contains("'stuck' file watcher is still delivering a batch after 200ms");
	}

	@Test
	void fileChangedWhileTheWatcherStartsIsDelivered() throws IOException {
		Path first = Files.writeString(this.root.resolve("First.class"), "first");
		Files.writeString(this.root.resolve("Second.class"), "second");
		List<Path> seen = new CopyOnWriteArrayList<>();
		AtomicReference<Path> changedWhileStarting = new AtomicReference<>();
		// The filter sees each file as the watcher takes its baseline; once it sees the
		// second, the first has its baseline and is changed before the watcher
		// registers.
		Predicate<Path> filter = (path) -> {
			if (!CLASS_FILES.test(path)) {
				return false;
			}
			if (!seen.contains(path)) {
				seen.add(path);
				if (seen.size() == 2) {
					write(seen.get(0), "changed while starting");
					changedWhileStarting.set(seen.get(0));
				}
			}
			return true;
		};
		FileWatcher watcher = watcher(
				new FileWatcher("starting", List.of(this.root), QUIET_PERIOD, filter, this.batches::add));
		watcher.start();
		assertThat(changedWhileStarting.get()).isIn(first, this.root.resolve("Second.class"));
		await().atMost(TIMEOUT).until(() -> deliveredPaths(this.batches).contains(changedWhileStarting.get()));
		assertThat(deliveredPaths(this.batches)).containsExactly(changedWhileStarting.get());
	}

	@Test
	void eventsAreTakenInWhileABatchIsBeingRead() throws Exception {
		FileWatcher watcher = watcher(
				new FileWatcher("intake", List.of(this.root), QUIET_PERIOD, CLASS_FILES, this.batches::add));
		watcher.start();
		// Reading a named pipe waits for a writer: the batch that holds it is read
		// until the test writes into the pipe.
		Path pipe = this.root.resolve("Pipe.class");
		Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
		assumeThat(mkfifo.waitFor()).as("mkfifo exit code").isZero();
		try {
			await().atMost(TIMEOUT).until(() -> threadReadingPipe("intake-reload"));
			Path later = Files.writeString(this.root.resolve("Later.class"), "later");
			await().atMost(TIMEOUT).until(() -> watcher.pendingFiles().contains(later));
			assertThat(this.batches).isEmpty();
		}
		finally {
			writeIntoPipe(pipe);
		}
		await().atMost(TIMEOUT).until(() -> deliveredPaths(this.batches).contains(this.root.resolve("Later.class")));
		assertThat(deliveredPaths(this.batches)).contains(pipe);
	}

	private static void write(Path file, String content) {
		try {
			Files.writeString(file, content);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// Opening a pipe for reading and writing does not wait for a reader.
	private static void writeIntoPipe(Path pipe) throws IOException {
		try (FileChannel channel = FileChannel.open(pipe, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
			channel.write(ByteBuffer.wrap("piped".getBytes()));
		}
	}

	private static boolean threadReadingPipe(String name) {
		return Thread.getAllStackTraces()
			.entrySet()
			.stream()
			.anyMatch((entry) -> entry.getKey().getName().equals(name) && List.of(entry.getValue())
				.stream()
				.anyMatch((frame) -> frame.getMethodName().equals("readAllBytes")));
	}

	private static List<Thread> threadsNamed(String prefix) {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().startsWith(prefix) && thread.isAlive())
			.toList();
	}

}
