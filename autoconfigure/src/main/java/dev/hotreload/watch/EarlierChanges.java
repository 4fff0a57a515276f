package dev.hotreload.watch;

import java.util.List;

/**
 * Changes of watched files that a watcher starting now would miss, because they were
 * written before it took its baseline: those written while a full refresh replaced the
 * application, after the new run had loaded the class and before its watcher started.
 */
@FunctionalInterface
public interface EarlierChanges {

	/**
	 * No earlier changes.
	 */
	EarlierChanges NONE = () -> new ChangedFiles(List.of());

	/**
	 * Take the changes seen so far and stop looking for more; called once the new watcher
	 * has started, so that every change is seen by one of the two.
	 * @return the changed files, each as it is now
	 */
	ChangedFiles take();

}
