package dev.hotreload.refresh;

import java.util.List;

import dev.hotreload.ReloadRecord.Trigger;
import dev.hotreload.ReloadRecord.Verdict;

/**
 * Starts a full refresh of the application: its context is closed and started again on a
 * fresh class loader, on a thread of its own.
 */
@FunctionalInterface
public interface FullRefresh {

	/**
	 * Start a full refresh; one already asked for or running is joined.
	 * @param trigger what asks for it
	 * @param classes the changed classes it applies, as far as they are known
	 * @return the id the refresh's record will have
	 */
	default long refresh(Trigger trigger, List<String> classes) {
		return refresh(trigger, classes, List.of());
	}

	/**
	 * Start a full refresh; one already asked for or running is joined.
	 * @param trigger what asks for it
	 * @param classes the changed classes it applies, as far as they are known
	 * @param verdicts what was decided for the changed classes, that the refresh's record
	 * reports
	 * @return the id the refresh's record will have
	 */
	long refresh(Trigger trigger, List<String> classes, List<Verdict> verdicts);

}
