package dev.hotreload.watch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A {@link FileWatcher} over a real directory turns what IDEs, editors and compilers do
 * to class files into few batches that tell which files changed and which are gone.
 */
class FileWatcherTests extends AbstractFileWatcherTests {

	private static final Duration QUIET_PERIOD = Duration.ofMillis(100);

	private static final Duration DELETION_QUIET_PERIOD = Duration.ofSeconds(2);

	private int barriers;

	@Test
	void singleWriteMakesOneBatchWithThatFile() throws IOException {
		start();
		Path file = write("Foo.class");
		List<ChangedFiles> delivered = awaitBarrier(file);
		assertThat(delivered).containsExactly(batchOf(new ChangedFile(this.root, file, false)));
	}

	@Test
	void deleteThenCreateWithSameContentMakesNoBatch() throws IOException {
		Path file = write("Foo.class");
		start();
		Files.delete(file);
		write("Foo.class");
		assertThat(deliveredPaths(awaitBarrier())).doesNotContain(file);
	}

	@Test
	void rewriteWithSameContentMakesNoBatch() throws IOException {
		Path unchanged = write("Same.class");
		Path changed = this.root.resolve("Other.class");
		Files.writeString(changed, "before");
		start();
		write("Same.class");
		Files.writeString(changed, "after");
		List<ChangedFiles> delivered = awaitBarrier(changed);
		assertThat(deliveredPaths(delivered)).contains(changed).doesNotContain(unchanged);
	}

	@Test
	void deleteThenCreateWithinQuietPeriodMakesOneBatchWithFileNotDeleted() throws IOException {
		Path file = write("Foo.class");
		start();
		Files.delete(file);
		Files.writeString(file, "recompiled");
		List<ChangedFiles> delivered = awaitBarrier(file);
		assertThat(delivered).containsExactly(batchOf(new ChangedFile(this.root, file, false)));
	}

	@Test
	void atomicRenameOfTemporaryFileMakesOneBatchWithTargetOnly() throws IOException {
		Path target = write("Foo.class");
		start();
		Path temporary = write("Foo.class.tmp");
		Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
		List<ChangedFiles> delivered = awaitBarrier(target);
		assertThat(delivered).containsExactly(batchOf(new ChangedFile(this.root, target, false)));
		assertThat(target).hasContent("Foo.class.tmp");
	}

	@Test
	void burstOfFiveHundredFilesMakesFewBatchesWithAllFiles() throws IOException {
		List<Path> directories = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			directories.add(Files.createDirectories(this.root.resolve("com/example/module" + i)));
		}
		start();
		Set<Path> written = new LinkedHashSet<>();
		for (int i = 0; i < 500; i++) {
			Path file = directories.get(i % directories.size()).resolve("Type" + i + ".class");
			Files.write(file, ("class " + i).getBytes(StandardCharsets.UTF_8));
			written.add(file);
		}
		List<ChangedFiles> delivered = awaitBarrier(written.toArray(Path[]::new));
		assertThat(delivered).hasSizeLessThanOrEqualTo(3);
		List<ChangedFile> files = delivered.stream().flatMap((batch) -> batch.files().stream()).toList();
		assertThat(files).extracting(ChangedFile::path).containsExactlyInAnyOrderElementsOf(written);
		assertThat(files).noneMatch(ChangedFile::deleted).allMatch((file) -> file.root().equals(this.root));
	}

	@Test
	void deletedFileIsMarkedDeleted() throws IOException {
		Path file = write("Foo.class");
		start();
		Files.delete(file);
		List<ChangedFiles> delivered = awaitBarrier(file);
		assertThat(delivered).containsExactly(batchOf(new ChangedFile(this.root, file, true)));
	}

	@Test
	void buildThatDeletesItsClassesAndWritesThemAgainMakesOneBatchOfTheChangedOnes() throws IOException {
		Path same = write("Same.class");
		Path other = write("Other.class");
		Path changed = write("Changed.class");
		start();
		// As Maven's incremental compilation does: every class file deleted, then, once
		// javac ran, written again, most with the bytes they had.
		Files.delete(same);
		Files.delete(other);
		Files.delete(changed);
		await().during(QUIET_PERIOD.multipliedBy(5)).atMost(TIMEOUT).until(this.batches::isEmpty);
		write("Same.class");
		write("Other.class");
		Files.writeString(changed, "recompiled");
		List<ChangedFiles> delivered = awaitBarrier(changed);
		assertThat(delivered).containsExactly(batchOf(new ChangedFile(this.root, changed, false)));
	}

	@Test
	void deletionThatStaysIsDeliveredOnceTheDeletionQuietPeriodPassed() throws IOException {
		Path deleted = write("Deleted.class");
		Path changed = write("Changed.class");
		Duration deletionQuietPeriod = Duration.ofMillis(1500);
		watcher(new FileWatcher("hotreload", List.of(this.root), QUIET_PERIOD, deletionQuietPeriod,
				FileWatcher.DEFAULT_STOP_TIMEOUT, CLASS_FILES, this.batches::add))
			.start();
		long start = System.nanoTime();
		Files.delete(deleted);
		Files.writeString(changed, "recompiled");
		await().atMost(TIMEOUT).until(() -> !this.batches.isEmpty());
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(deletionQuietPeriod);
		assertThat(this.batches).containsExactly(
				batchOf(new ChangedFile(this.root, deleted, true), new ChangedFile(this.root, changed, false)));
	}

	@Test
	void stopEndsThreadsAndDeliversNoFurtherChange() throws IOException {
		Set<Thread> before = watcherThreads();
		FileWatcher watcher = start();
		write("Foo.class");
		await().atMost(TIMEOUT).until(() -> this.batches.size() == 1);
		Set<Thread> started = watcherThreads();
		started.removeAll(before);
		assertThat(started).extracting(Thread::getName)
			.containsExactlyInAnyOrder("hotreload-watcher", "hotreload-reload");
		watcher.stop();
		await().atMost(TIMEOUT).until(() -> started.stream().noneMatch(watcherThreads()::contains));
		assertThat(started).noneMatch(Thread::isAlive);
		write("Bar.class");
		List<ChangedFiles> laterBatches = new CopyOnWriteArrayList<>();
		FileWatcher barrierWatcher = watcher(
				new FileWatcher(List.of(this.root), QUIET_PERIOD, CLASS_FILES, laterBatches::add));
		barrierWatcher.start();
		Path barrier = write("Barrier.class");
		await().atMost(TIMEOUT).until(() -> deliveredPaths(laterBatches).contains(barrier));
		assertThat(this.batches).hasSize(1);
		assertThat(deliveredPaths(this.batches)).containsExactly(this.root.resolve("Foo.class"));
	}

	private FileWatcher start() {
		FileWatcher watcher = watcher(new FileWatcher("hotreload", List.of(this.root), QUIET_PERIOD,
				DELETION_QUIET_PERIOD, FileWatcher.DEFAULT_STOP_TIMEOUT, CLASS_FILES, this.batches::add));
		watcher.start();
		return watcher;
	}

	private Path write(String name) throws IOException {
		return Files.writeString(this.root.resolve(name), name);
	}

	/**
	 * Wait until the expected files were delivered, then write a file that nothing else
	 * touches and wait for its batch: a batch of the test's own changes that came late
	 * would be delivered before it or within it.
	 * @param expected the files the test's changes must deliver
	 * @return the batches delivered before the barrier's
	 */
	private List<ChangedFiles> awaitBarrier(Path... expected) throws IOException {
		await().atMost(TIMEOUT).until(() -> deliveredPaths(this.batches).containsAll(List.of(expected)));
		Path barrier = write("Barrier" + (++this.barriers) + ".class");
		await().atMost(TIMEOUT).until(() -> deliveredPaths(this.batches).contains(barrier));
		List<ChangedFiles> delivered = new ArrayList<>(this.batches);
		ChangedFiles last = delivered.remove(delivered.size() - 1);
		assertThat(last).isEqualTo(batchOf(new ChangedFile(this.root, barrier, false)));
		return delivered;
	}

	private static ChangedFiles batchOf(ChangedFile... files) {
		return new ChangedFiles(List.of(files));
	}

	private static Set<Thread> watcherThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().startsWith("hotreload-"))
			.collect(Collectors.toSet());
	}

}
