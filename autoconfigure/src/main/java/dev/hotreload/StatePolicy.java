package dev.hotreload;

/**
 * What a reload does with the state of the instance it replaces.
 */
public enum StatePolicy {

	/**
	 * Carry the old instance's field values over to the new instance. Init callbacks are
	 * not run again and the old instance is not destroyed: its resources move on.
	 */
	KEEP,

	/**
	 * Give the new instance the full bean lifecycle (injection, init callbacks) and
	 * destroy the old instance once its in-flight calls have finished.
	 */
	RESET

}
