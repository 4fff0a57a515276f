package dev.hotreload.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.FieldReport;
import dev.hotreload.ReloadRecord.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Unit tests of {@link ReloadHistory}: ids stamped as records are added, the ring of
 * fixed size, the records of one bean, and the listeners.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReloadHistoryTests {

	private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

	@Test
	void stampsIdsInTheOrderRecordsAreAdded() {
		ReloadHistory history = new ReloadHistory(10);
		ReloadRecord first = history.add(reloaded("greeter").withId(99));
		ReloadRecord second = history.add(failed(null));
		assertThat(first.id()).isEqualTo(1);
		assertThat(first.bean()).isEqualTo("greeter");
		assertThat(second.id()).isEqualTo(2);
		assertThat(history.records()).containsExactly(second, first);
	}

	@Test
	void recordAddedLaterUnderAReservedIdIsListedInIdOrder() {
		ReloadHistory history = new ReloadHistory(10);
		history.add(reloaded("before"));
		long reserved = history.reserveId();
		history.add(reloaded("during"));
		history.add(failed("during"));
		history.addReserved(reloaded("refresh"), reserved);
		assertThat(history.records()).extracting(ReloadRecord::id).containsExactly(4L, 3L, 2L, 1L);
		assertThat(history.records().get(2).bean()).isEqualTo("refresh");
	}

	@Test
	void keepsTheNewestRecordsOnly() {
		ReloadHistory history = new ReloadHistory(3);
		for (int i = 0; i < 5; i++) {
			history.add(reloaded("bean" + i));
		}
		assertThat(history.count()).isEqualTo(3);
		assertThat(history.records()).extracting(ReloadRecord::id).containsExactly(5L, 4L, 3L);
		assertThat(history.records()).extracting(ReloadRecord::bean).containsExactly("bean4", "bean3", "bean2");
	}

	@Test
	void listsTheRecordsOfOneBean() {
		ReloadHistory history = new ReloadHistory(10);
		history.add(reloaded("greeter"));
		history.add(failed(null));
		history.add(failed("counter"));
		history.add(reloaded("greeter"));
		assertThat(history.recordsOf("greeter")).extracting(ReloadRecord::id).containsExactly(4L, 1L);
		assertThat(history.recordsOf("counter")).extracting(ReloadRecord::id).containsExactly(3L);
		assertThat(history.recordsOf("unknown")).isEmpty();
	}

	@Test
	void handsOutCopies() {
		ReloadHistory history = new ReloadHistory(10);
		history.add(reloaded("greeter"));
		List<ReloadRecord> records = history.records();
		history.add(reloaded("greeter"));
		assertThat(records).hasSize(1);
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(records::clear);
	}

	@Test
	void tellsListenersOfEveryRecordWithItsId() {
		ReloadHistory history = new ReloadHistory(10);
		history.add(reloaded("before"));
		List<ReloadRecord> seen = new ArrayList<>();
		history.addListener(seen::add);
		ReloadRecord added = history.add(reloaded("greeter"));
		ReloadRecord failed = history.add(failed("greeter"));
		assertThat(seen).containsExactly(added, failed);
		assertThat(seen).extracting(ReloadRecord::id).containsExactly(2L, 3L);
	}

	@Test
	void listenerThatThrowsIsLoggedAndDoesNotStopTheOthers(CapturedOutput output) {
		ReloadHistory history = new ReloadHistory(10);
		List<ReloadRecord> seen = new ArrayList<>();
		history.addListener((record) -> {
			throw new IllegalStateException("listener broke");
		});
		history.addListener(seen::add);
		ReloadRecord added = history.add(reloaded("greeter"));
		assertThat(history.records()).containsExactly(added);
		assertThat(seen).containsExactly(added);
		assertThat(output).contains("failed on reload record 1").contains("listener broke");
	}

	@Test
	void concurrentAddsGetDistinctIdsInListOrder() throws Exception {
		int threads = 4;
		int perThread = 250;
		ReloadHistory history = new ReloadHistory(threads * perThread);
		List<Long> told = Collections.synchronizedList(new ArrayList<>());
		history.addListener((record) -> told.add(record.id()));
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				futures.add(executor.submit(() -> {
					start.await();
					for (int i = 0; i < perThread; i++) {
						history.add(reloaded("bean"));
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			executor.shutdownNow();
		}
		long total = (long) threads * perThread;
		assertThat(history.records()).extracting(ReloadRecord::id)
			.containsExactlyElementsOf(LongStream.rangeClosed(1, total).map((id) -> total + 1 - id).boxed().toList());
		assertThat(told).hasSize((int) total).doesNotHaveDuplicates();
	}

	@Test
	void rejectsBadArguments() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ReloadHistory(0))
			.withMessage("'size' must be positive");
		ReloadHistory history = new ReloadHistory(1);
		assertThatIllegalArgumentException().isThrownBy(() -> history.add(null))
			.withMessage("'record' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> history.addListener(null))
			.withMessage("'listener' must not be null");
	}

	private static ReloadRecord reloaded(String bean) {
		return ReloadRecord.reloaded(NOW, bean, Trigger.API, List.of("demo.Greeter"), 2, 1.5, FieldReport.NONE, 0);
	}

	private static ReloadRecord failed(String bean) {
		return ReloadRecord.failed(NOW, bean, Trigger.FILE_CHANGE, List.of("demo.Greeter"), 1, 0.5,
				new ReloadRecord.Failure("CompilationError", "';' expected", List.of()));
	}

}
