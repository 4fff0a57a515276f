package dev.hotreload;

/**
 * Published in the new application context once a full refresh made it ready.
 */
public class ApplicationRefreshedEvent extends HotReloadEvent {

	/**
	 * Create an event.
	 * @param source the component that recorded the refresh
	 * @param record the record, whose outcome is {@link ReloadRecord.Outcome#REFRESHED}
	 */
	public ApplicationRefreshedEvent(Object source, ReloadRecord record) {
		super(source, record);
	}

}
