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
 * <p>
 * Across full refreshes, each application context has a history of its own, with its own
 * listeners, over the records of one history that outlives them all (see
 * {@link #ReloadHistory(ReloadHistory)}).
 */
public final class ReloadHistory {

	/**
	 * How many records a history keeps unless told otherwise.
	 */
	public static final int DEFAULT_SIZE = 200;

	private static final Log logger = LogFactory.getLog(ReloadHistory.class);

	private final Records records;

	private final List<ReloadRecordListener> listeners = new CopyOnWriteArrayList<>();

	/**
	 * Create a history.
	 * @param size how many records to keep
	 */
	public ReloadHistory(int size) {
		Assert.isTrue(size > 0, "'size' must be positive");
		this.records = new Records(size);
	}

	/**
	 * Create a history over the records of another, with no listener: what one adds, both
	 * list, and ids increase across both. The listeners of each are told only of the
	 * records added through it.
	 * @param shared the history whose records to share
	 */
	public ReloadHistory(ReloadHistory shared) {
		Assert.notNull(shared, "'shared' must not be null");
		this.records = shared.records;
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
	 * Take the next id for a record that will be added later, such as the record of a
	 * full refresh, whose id is answered when it starts.
	 * @return an id greater than every id given before
	 */
	public long reserveId() {
		synchronized (this.records) {
			return ++this.records.lastId;
		}
	}

	/**
	 * Add a record, giving it the next id and dropping the oldest record if the history
	 * is full, then tell the listeners.
	 * @param record the record, whose id is ignored
	 * @return the record as added, with its id
	 */
	public ReloadRecord add(ReloadRecord record) {
		Assert.notNull(record, "'record' must not be null");
		return add(record, 0);
	}

	/**
	 * Add a record under an id taken before with {@link #reserveId()}, dropping the
	 * oldest record if the history is full, then tell the listeners.
	 * @param record the record, whose id is ignored
	 * @param reservedId the id to give it
	 * @return the record as added, with its id
	 */
	public ReloadRecord addReserved(ReloadRecord record, long reservedId) {
		Assert.notNull(record, "'record' must not be null");
		Assert.isTrue(reservedId > 0, "'reservedId' must be positive");
		return add(record, reservedId);
	}

	private ReloadRecord add(ReloadRecord record, long reservedId) {
		ReloadRecord added;
		synchronized (this.records) {
			added = record.withId((reservedId > 0) ? reservedId : ++this.records.lastId);
			if (this.records.deque.size() == this.records.size) {
				this.records.deque.removeLast();
			}
			// A reserved id (a refresh's, taken when it began) may be lower than those
			// added since: the list stays in id order, newest first.
			List<ReloadRecord> newer = new ArrayList<>();
			while (!this.records.deque.isEmpty() && this.records.deque.peekFirst().id() > added.id()) {
				newer.add(this.records.deque.removeFirst());
			}
			this.records.deque.addFirst(added);
			for (int i = newer.size() - 1; i >= 0; i--) {
				this.records.deque.addFirst(newer.get(i));
			}
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
			return List.copyOf(this.records.deque);
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
			for (ReloadRecord record : this.records.deque) {
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
			return this.records.deque.size();
		}
	}

	/**
	 * The records and the last id given, which histories over the same records share;
	 * also the lock of both.
	 */
	private static final class Records {

		private final int size;

		private final Deque<ReloadRecord> deque;

		private long lastId;

		Records(int size) {
			this.size = size;
			this.deque = new ArrayDeque<>(size);
		}

	}

}
