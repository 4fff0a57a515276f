package dev.hotreload.watch;

/**
 * Receives the batches of changed files that a {@link FileWatcher} found.
 */
@FunctionalInterface
public interface FileChangeListener {

	/**
	 * Handle one batch of changes. Called on the watcher's reload thread, one batch at a
	 * time.
	 * @param changes the files that changed together
	 */
	void onChange(ChangedFiles changes);

}
