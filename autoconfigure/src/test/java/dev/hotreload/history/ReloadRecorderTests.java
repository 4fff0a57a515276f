package dev.hotreload.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Category;
import dev.hotreload.ReloadRecord.Failure;
import dev.hotreload.ReloadRecord.FieldReport;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.ReloadRecord.Trigger;
import dev.hotreload.ReloadRecord.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of record goes through the recorder into the history, in id order, tells the
 * history's listeners, and gets exactly one log line made from the record.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReloadRecorderTests {

	private final ReloadHistory history = new ReloadHistory(50);

	private final List<ReloadRecord> told = new ArrayList<>();

	private final ReloadRecorder recorder = new ReloadRecorder(this.history);

	ReloadRecorderTests() {
		this.history.addListener(this.told::add);
	}

	@Test
	void reloadIsRecordedWithItsIdAndOneLine(CapturedOutput output) {
		ReloadRecord record = this.recorder.reloaded(
				ReloadRecord
					.reloaded(Instant.now(), "counter", Trigger.FILE_CHANGE, List.of("demo.Counter"), 2, 3.25,
							new FieldReport(List.of("count"), List.of(), List.of("old")), 1, List.of("a note"))
					.withVerdicts(List.of(new Verdict("demo.Counter", Category.NEW_GENERATION, "class of bean"))),
				"demo.Counter");
		assertThat(record.id()).isEqualTo(1);
		assertThat(this.history.records()).containsExactly(record);
		assertThat(this.told).containsExactly(record);
		assertThat(lines(output, "Reloaded 'counter'")).singleElement()
			.asString()
			.contains("(demo.Counter) to generation 2 in 3.3 ms: kept [count], reset [], dropped [old]")
			.contains("1 call(s) were still running on generation 1")
			.contains("; a note")
			.contains("INFO");
	}

	@Test
	void failuresAreWarnedWithTypeAndMessage(CapturedOutput output) {
		Failure failure = new Failure("IllegalStateException", "broken on purpose", List.of());
		this.recorder.reloadFailed(ReloadRecord.failed(Instant.now(), "counter", Trigger.FILE_CHANGE,
				List.of("demo.Counter"), 1, 2, failure), "demo.Counter",
				new IllegalStateException("broken on purpose"));
		this.recorder.failedBeforeReload(ReloadRecord.failed(Instant.now(), null, Trigger.FILE_CHANGE,
				List.of("demo.Plain"), 0, 0, new Failure("CompilationError", "';' expected", List.of())));
		this.recorder.redefinitionFailed(ReloadRecord.failed(Instant.now(), null, Trigger.FILE_CHANGE,
				List.of("demo.Plain"), 0, 1, new Failure("VerifyError", "bad", List.of())));
		this.recorder.reloadNeedsRefresh(ReloadRecord.failed(Instant.now(), "counter", Trigger.FILE_CHANGE,
				List.of("demo.Counter"), 1, 1, new Failure("IncompatibleGeneration", "method gone", List.of())),
				"demo.Counter");
		assertThat(this.history.records()).extracting(ReloadRecord::id).containsExactly(4L, 3L, 2L, 1L);
		assertThat(this.history.records()).extracting(ReloadRecord::outcome).containsOnly(Outcome.FAILED);
		assertThat(lines(output, "WARN")).hasSize(4);
		assertThat(output).contains(
				"Reload of 'counter' (demo.Counter) failed after 2.0 ms; generation 1 keeps serving: IllegalStateException: broken on purpose")
			.contains("Reload of demo.Plain failed; the previous code keeps serving: CompilationError: ';' expected")
			.contains(
					"Redefinition of demo.Plain failed after 1.0 ms; the previous code keeps serving: VerifyError: bad")
			.contains(
					"Reload of 'counter' (demo.Counter) needs a full refresh; generation 1 keeps serving: method gone")
			// The stack trace of the cause goes with the failed reload's line.
			.contains("java.lang.IllegalStateException: broken on purpose\n\tat ");
	}

	@Test
	void refreshKeepsTheIdItWasGivenWhenItBeganAndTheHistoryStaysInIdOrder(CapturedOutput output) {
		long reserved = this.history.reserveId();
		this.recorder.redefined(
				ReloadRecord.redefined(Instant.now(), Trigger.FILE_CHANGE, List.of("demo.A", "demo.B"), 4, List.of()));
		ReloadRecord refreshed = this.recorder.refreshed(ReloadRecord
			.refreshed(Instant.now(), Trigger.ENDPOINT, List.of(), 500,
					Map.of("counter", new FieldReport(List.of("count"), List.of(), List.of())))
			.withNotes(List.of("it took 2 attempts")), reserved, List.of("gone"), Set.of("postgres"));
		assertThat(refreshed.id()).isEqualTo(reserved);
		assertThat(this.history.records()).extracting(ReloadRecord::id).containsExactly(2L, 1L);
		assertThat(output).contains("Redefined 2 classes in place in 4.0 ms: demo.A, demo.B")
			.contains("Refreshed the application in 500.0 ms (ENDPOINT): counter kept [count], reset [], dropped []; "
					+ "no bean of the same name took the state of [gone]; survived: [postgres]; it took 2 attempts");
		this.recorder.refreshFailed(ReloadRecord.failed(Instant.now(), null, Trigger.FILE_CHANGE, List.of("demo.A"), 0,
				9, new Failure("BeanCreationException", "no", List.of())), this.history.reserveId());
		assertThat(lines(output, "ERROR")).singleElement()
			.asString()
			.contains("Refresh failed after 9.0 ms: BeanCreationException: no");
		assertThat(this.told).hasSize(3);
	}

	private static List<String> lines(CapturedOutput output, String text) {
		return output.toString().lines().filter((line) -> line.contains(text)).toList();
	}

}
