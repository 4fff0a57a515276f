package dev.hotreload;

/**
 * Published when a new generation of a reloadable bean serves the calls.
 */
public class BeanReloadedEvent extends HotReloadEvent {

	/**
	 * Create an event.
	 * @param source the component that recorded the reload
	 * @param record the record, whose outcome is {@link ReloadRecord.Outcome#RELOADED}
	 */
	public BeanReloadedEvent(Object source, ReloadRecord record) {
		super(source, record);
	}

}
