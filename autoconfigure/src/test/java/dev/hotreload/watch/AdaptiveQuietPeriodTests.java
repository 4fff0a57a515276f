package dev.hotreload.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A {@link FileWatcher} with an adaptive quiet period, over a real directory: one changed
 * file is handed on after the short single-file quiet period, and a second file within it
 * makes a burst that waits for the whole quiet period after its latest change, so that
 * the class files of one compilation are never split into two batches.
 */
class AdaptiveQuietPeriodTests extends AbstractFileWatcherTests {

	@Test
	void oneFileIsHandedOnWithoutWaitingForTheQuietPeriod() throws IOException {
		start(Duration.ofSeconds(4), Duration.ofMillis(20));
		long start = System.nanoTime();
		Path file = moveIn("Foo.class", "one");
		await().atMost(TIMEOUT).until(() -> deliveredPaths(this.batches).contains(file));
		// A fixed quiet period would hold it for 4 s.
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		assertThat(this.batches).singleElement()
			.isEqualTo(new ChangedFiles(List.of(new ChangedFile(this.root, file, false))));
	}

	@Test
	void secondFileMakesABurstThatWaitsForTheQuietPeriodAfterItsLatestChange() throws Exception {
		start(Duration.ofMillis(800), Duration.ofMillis(150));
		Path outer = moveIn("Outer.class", "outer");
		pauseWithNoBatch(Duration.ofMillis(20));
		Path inner = moveIn("Outer$Inner.class", "inner");
		// Longer than the single-file quiet period, shorter than the quiet period.
		pauseWithNoBatch(Duration.ofMillis(350));
		Path other = moveIn("Other.class", "other");
		await().atMost(TIMEOUT).until(() -> deliveredPaths(this.batches).contains(other));
		assertThat(this.batches).singleElement()
			.satisfies((batch) -> assertThat(batch.files()).extracting(ChangedFile::path)
				.containsExactlyInAnyOrder(outer, inner, other));
	}

	@Test
	void rewritingOneFileInPlaceStaysOneFile() throws Exception {
		Path file = Files.writeString(this.root.resolve("Foo.class"), "before");
		start(Duration.ofSeconds(4), Duration.ofMillis(100));
		long start = System.nanoTime();
		// Written in place in two steps, as a compiler writes: still one file.
		Files.writeString(file, "after, first half");
		pauseWithNoBatch(Duration.ofMillis(20));
		Files.writeString(file, "after, whole");
		await().atMost(TIMEOUT).until(() -> !this.batches.isEmpty());
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		assertThat(this.batches).singleElement()
			.isEqualTo(new ChangedFiles(List.of(new ChangedFile(this.root, file, false))));
		assertThat(file).hasContent("after, whole");
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 21, 77 })
	void everyBurstMakesOneBatchWhateverItsShape(long seed) throws Exception {
		Duration quietPeriod = Duration.ofMillis(300);
		Duration singleFile = Duration.ofMillis(120);
		start(quietPeriod, singleFile);
		Random random = new Random(seed);
		List<List<Path>> bursts = new ArrayList<>();
		for (int burst = 0; burst < 5; burst++) {
			List<Path> files = new ArrayList<>();
			int size = 1 + random.nextInt(6);
			for (int i = 0; i < size; i++) {
				if (i > 0) {
					// The first gap stays within the single-file quiet period, later ones
					// within the quiet period.
					pauseWithNoBatch(Duration.ofMillis(1 + random.nextInt((i == 1) ? 40 : 120)), bursts.size());
				}
				String name = "Burst" + burst + "Type" + i + ".class";
				files.add(random.nextBoolean() ? moveIn(name, "seed " + seed) : writeInPlace(name, "seed " + seed));
			}
			bursts.add(files);
			Path last = files.get(files.size() - 1);
			await().atMost(TIMEOUT).until(() -> deliveredPaths(this.batches).contains(last));
			// Well past the quiet period, so that the next burst is a batch of its own.
			pauseWithNoBatch(quietPeriod.multipliedBy(2), bursts.size());
		}
		assertThat(this.batches).hasSameSizeAs(bursts);
		for (int i = 0; i < bursts.size(); i++) {
			assertThat(this.batches.get(i).files()).extracting(ChangedFile::path)
				.as("burst %d of seed %d", i, seed)
				.containsExactlyInAnyOrderElementsOf(bursts.get(i));
		}
	}

	// Waits, as a writer pauses between two files, and checks that no batch (beyond the
	// given number) was handed on meanwhile.
	private void pauseWithNoBatch(Duration pause) {
		pauseWithNoBatch(pause, 0);
	}

	private void pauseWithNoBatch(Duration pause, int batches) {
		await().pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(5))
			.during(pause)
			.atMost(pause.plus(TIMEOUT))
			.until(() -> this.batches.size() == batches);
	}

	private void start(Duration quietPeriod, Duration singleFileQuietPeriod) {
		watcher(new FileWatcher("hotreload", List.of(this.root),
				new QuietPeriods(quietPeriod, singleFileQuietPeriod, FileWatcher.DEFAULT_DELETION_QUIET_PERIOD),
				FileWatcher.DEFAULT_STOP_TIMEOUT, CLASS_FILES, this.batches::add))
			.start();
	}

	private Path moveIn(String name, String content) throws IOException {
		Path temporary = Files.writeString(this.root.resolve(name + ".tmp"), content);
		return Files.move(temporary, this.root.resolve(name), StandardCopyOption.ATOMIC_MOVE);
	}

	private Path writeInPlace(String name, String content) throws IOException {
		return Files.writeString(this.root.resolve(name), content);
	}

}
