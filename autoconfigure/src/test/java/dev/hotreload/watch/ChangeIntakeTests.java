package dev.hotreload.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A {@link ChangeIntake} over a real directory hands every batch to the listener attached
 * at the time, and keeps what arrives while none is (as during a full refresh) for the
 * next one, each file as it is when that listener takes it.
 */
class ChangeIntakeTests {

	private static final Duration QUIET_PERIOD = Duration.ofMillis(50);

	@TempDir
	Path root;

	private final List<ChangedFiles> unattended = new CopyOnWriteArrayList<>();

	private final List<ChangedFiles> first = new CopyOnWriteArrayList<>();

	private final List<ChangedFiles> second = new CopyOnWriteArrayList<>();

	private ChangeIntake intake;

	@AfterEach
	void stop() {
		if (this.intake != null) {
			this.intake.stop();
		}
	}

	@Test
	void attachedListenerGetsEveryBatch() throws IOException {
		start();
		this.intake.attach(this.first::add);
		Path file = write("Foo.class", "v1");
		await().atMost(Duration.ofSeconds(10)).until(() -> paths(this.first).contains(file));
		assertThat(this.unattended).isEmpty();
		assertThat(this.intake.kept().files()).isEmpty();
	}

	@Test
	void batchesBetweenTwoListenersGoToTheNextOne() throws IOException {
		start();
		FileChangeListener firstListener = this.first::add;
		this.intake.attach(firstListener);
		this.intake.detach(firstListener);
		Path foo = write("Foo.class", "v1");
		Path bar = write("Bar.class", "v1");
		await().atMost(Duration.ofSeconds(10)).until(() -> paths(this.unattended).containsAll(List.of(foo, bar)));
		write("Foo.class", "v2");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.unattended.size() >= 2);
		assertThat(this.first).isEmpty();
		this.intake.attach(this.second::add);
		assertThat(this.second).hasSize(1);
		assertThat(this.second.get(0).files()).containsExactlyInAnyOrder(new ChangedFile(this.root, foo, false),
				new ChangedFile(this.root, bar, false));
		assertThat(this.intake.kept().files()).isEmpty();
	}

	@Test
	void keptFileDeletedMeanwhileIsHandedOnAsDeleted() throws IOException {
		Path gone = write("Gone.class", "v1");
		start();
		write("Gone.class", "v2");
		await().atMost(Duration.ofSeconds(10)).until(() -> paths(this.unattended).contains(gone));
		Files.delete(gone);
		this.intake.attach(this.first::add);
		assertThat(this.first.get(0).files()).contains(new ChangedFile(this.root, gone, true));
	}

	@Test
	void detachingAnotherListenerKeepsTheAttachedOne() throws IOException {
		start();
		this.intake.attach(this.first::add);
		this.intake.detach(this.second::add);
		Path file = write("Foo.class", "v1");
		await().atMost(Duration.ofSeconds(10)).until(() -> paths(this.first).contains(file));
		assertThat(this.unattended).isEmpty();
	}

	private void start() {
		this.intake = new ChangeIntake("intake-test", List.of(this.root),
				new QuietPeriods(QUIET_PERIOD, QUIET_PERIOD, Duration.ofSeconds(1)),
				(path) -> path.toString().endsWith(".class"), this.unattended::add);
		this.intake.start();
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.root.resolve(name), content);
	}

	private static List<Path> paths(List<ChangedFiles> batches) {
		return batches.stream().flatMap((batch) -> batch.files().stream()).map(ChangedFile::path).toList();
	}

}
