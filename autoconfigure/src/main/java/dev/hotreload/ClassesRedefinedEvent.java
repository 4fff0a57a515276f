package dev.hotreload;

/**
 * Published when changed classes that are no reloadable bean's were redefined in place;
 * every existing object runs their new method bodies.
 */
public class ClassesRedefinedEvent extends HotReloadEvent {

	/**
	 * Create an event.
	 * @param source the component that recorded the redefinition
	 * @param record the record, whose outcome is {@link ReloadRecord.Outcome#REDEFINED}
	 */
	public ClassesRedefinedEvent(Object source, ReloadRecord record) {
		super(source, record);
	}

}
