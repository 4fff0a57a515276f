package dev.hotreload;

/**
 * Published once a changed configuration file was applied to the running application,
 * with the keys it changed ({@link ReloadRecord#properties()}), never their values.
 */
public class ApplicationReconfiguredEvent extends HotReloadEvent {

	/**
	 * Create an event.
	 * @param source the component that recorded the change
	 * @param record the record, whose outcome is
	 * {@link ReloadRecord.Outcome#RECONFIGURED}
	 */
	public ApplicationReconfiguredEvent(Object source, ReloadRecord record) {
		super(source, record);
	}

}
