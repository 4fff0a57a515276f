package dev.hotreload.history;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.hotreload.ReloadRecord;

import org.springframework.util.Assert;

/**
 * The most recent reload records, newest first, in a ring of fixed size. It holds only
 * names and values, never classes, so it keeps no generation alive and can outlive the
 * application context.
 */
public final class ReloadHistory {

	private final int size;

	private final Deque<ReloadRecord> records;

	private final AtomicLong ids = new AtomicLong();

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
	 * Return the id for the next record.
	 * @return an id greater than all ids handed out before
	 */
	public long nextId() {
		return this.ids.incrementAndGet();
	}

	/**
	 * Add a record, dropping the oldest if the history is full.
	 * @param record the record
	 */
	public synchronized void add(ReloadRecord record) {
		Assert.notNull(record, "'record' must not be null");
		if (this.records.size() == this.size) {
			this.records.removeLast();
		}
		this.records.addFirst(record);
	}

	/**
	 * Return all records, newest first.
	 * @return the records
	 */
	public synchronized List<ReloadRecord> records() {
		return List.copyOf(this.records);
	}

	/**
	 * Return the records of one bean, newest first.
	 * @param beanName the bean's name
	 * @return its records
	 */
	public synchronized List<ReloadRecord> recordsOf(String beanName) {
		List<ReloadRecord> result = new ArrayList<>();
		for (ReloadRecord record : this.records) {
			if (record.bean().equals(beanName)) {
				result.add(record);
			}
		}
		return result;
	}

}
