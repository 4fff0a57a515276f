package dev.hotreload.history;

import dev.hotreload.ReloadRecord;

/**
 * Told of every record the moment the {@link ReloadHistory} adds it, such as to publish
 * an event or update metrics.
 */
@FunctionalInterface
public interface ReloadRecordListener {

	/**
	 * Called once for each record, after it was added and given its id.
	 * @param record the record
	 */
	void recorded(ReloadRecord record);

}
