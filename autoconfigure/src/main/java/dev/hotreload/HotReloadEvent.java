package dev.hotreload;

import org.springframework.context.ApplicationEvent;
import org.springframework.util.Assert;

/**
 * An application event about a reload, carrying its {@link ReloadRecord}. Listen to a
 * subclass to react to one kind of outcome, or to this class to see every record.
 */
public abstract class HotReloadEvent extends ApplicationEvent {

	private final ReloadRecord record;

	/**
	 * Create an event.
	 * @param source the component that recorded it
	 * @param record the record
	 */
	protected HotReloadEvent(Object source, ReloadRecord record) {
		super(source);
		Assert.notNull(record, "'record' must not be null");
		this.record = record;
	}

	/**
	 * Return the record of what happened.
	 * @return the record, as the history holds it
	 */
	public ReloadRecord getRecord() {
		return this.record;
	}

}
