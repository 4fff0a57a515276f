package dev.hotreload.refresh;

/**
 * Thrown when a change cannot be loaded as a new generation of a bean and needs a full
 * refresh of the application; the previous generation keeps serving.
 */
public class RefreshNeededException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param message what changed and why it needs a refresh
	 */
	public RefreshNeededException(String message) {
		super(message);
	}

}
