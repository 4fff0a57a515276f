package dev.hotreload;

/**
 * Published when new code could not be loaded (a compilation error, a bad class file, a
 * constructor that throws); the previous code keeps serving.
 */
public class ReloadFailedEvent extends HotReloadEvent {

	/**
	 * Create an event.
	 * @param source the component that recorded the failure
	 * @param record the record, whose outcome is {@link ReloadRecord.Outcome#FAILED}
	 */
	public ReloadFailedEvent(Object source, ReloadRecord record) {
		super(source, record);
	}

}
