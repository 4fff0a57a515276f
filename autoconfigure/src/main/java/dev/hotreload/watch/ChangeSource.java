package dev.hotreload.watch;

import java.nio.file.Path;
import java.util.List;

/**
 * Where an application context takes its changed files from: a watcher of its own, or the
 * {@link ChangeIntake} that outlives the contexts of a refreshable application.
 */
public interface ChangeSource {

	/**
	 * Return the watched directories.
	 * @return the directories
	 */
	List<Path> roots();

	/**
	 * Hand the batches of changed files to a listener from now on; returns once the
	 * directories are watched.
	 * @param listener the listener
	 */
	void attach(FileChangeListener listener);

	/**
	 * Stop handing batches to a listener.
	 * @param listener the listener
	 */
	void detach(FileChangeListener listener);

}
