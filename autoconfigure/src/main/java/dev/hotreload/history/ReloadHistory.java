package dev.hotreload.history;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.hotreload.ReloadRecord;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.Assert;

/**
 * The most recent reload records, newest first, in a ring of fixed size. Adding a record
 * gives it its id in the same step, so ids increase in the order records are listed. It
 * holds only names and values, never classes, so it keeps no generation alive and can
 * outlive the application context.
 */
public final class ReloadHistory {

	private static final Log logger = LogFactory.getLog(ReloadHistory.class);

	private final int size;

	private final Deque<ReloadRecord> records;

	private final List<ReloadRecordListener> listeners = new CopyOnWriteArrayList<>();

	private long lastId;

	/**
	 * Create a history.
	 * @param size how many records to keep
	 */
	public ReloadHistory(int size) {
		Assert.isTrue(size > 0, "'size' must be positive");
		this.size = size;
		this.records = new ArrayDeque<>(size);
	}

	/**
	 * Add a listener that is told of every record added from now on.
	 * @param listener the listener
	 */
	public void addListener(ReloadRecordListener listener) {
		Assert.notNull(listener, "'listener' must not be null");
		this.listeners.add(listener);
	}

	/**
	 * Add a record, giving it the next id and dropping the oldest record if the history
	 * is full, then tell the listeners.
	 * @param record the record, whose id is ignored
	 * @return the record as added, with its id
	 */
	public ReloadRecord add(ReloadRecord record) {
		Assert.notNull(record, "'record' must not be null");
		ReloadRecord added;
		synchronized (this.records) {
			added = record.withId(++this.lastId);
			if (this.records.size() == this.size) {
				this.records.removeLast();
			}
			this.records.addFirst(added);
		}
		for (ReloadRecordListener listener : this.listeners) {
			try {
				listener.recorded(added);
			}
			catch (RuntimeException ex) {
				logger.warn("Listener " + listener + " failed on reload record " + added.id(), ex);
			}
		}
		return added;
	}

	/**
	 * Return all records, newest first.
	 * @return the records
	 */
	public List<ReloadRecord> records() {
		synchronized (this.records) {
			return List.copyOf(this.records);
		}
	}

	/**
	 * Return the records of one bean, newest first.
	 * @param beanName the bean's name
	 * @return its records
	 */
	public List<ReloadRecord> recordsOf(String beanName) {
		List<ReloadRecord> result = new ArrayList<>();
		synchronized (this.records) {
			for (ReloadRecord record : this.records) {
				if (Objects.equals(record.bean(), beanName)) {
					result.add(record);
				}
			}
		}
		return result;
	}

	/**
	 * Return how many records the history holds.
	 * @return the number of records, at most the size
	 */
	public int count() {
		synchronized (this.records) {
			return this.records.size();
		}
	}

}
