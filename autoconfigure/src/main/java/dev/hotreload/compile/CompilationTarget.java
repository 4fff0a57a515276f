package dev.hotreload.compile;

import java.util.List;

import dev.hotreload.ReloadRecord.Failure;
import dev.hotreload.watch.ChangedFiles;

/**
 * What source mode hands its results to: the classes it compiled and the failures it
 * could not get past. The reload engine implements it; source mode knows nothing else of
 * the engine.
 */
public interface CompilationTarget {

	/**
	 * Tell whether a class belongs to a reloadable bean, whose class files are then
	 * handed over at once instead of waiting for the class directory watcher.
	 * @param className a binary class name
	 * @return whether a reloadable bean owns the class
	 */
	boolean isBeanClass(String className);

	/**
	 * Take class files that source mode compiled and installed into their class
	 * directories.
	 * @param files the class files
	 */
	void classesCompiled(ChangedFiles files);

	/**
	 * Take a failure that stopped a changed source from becoming classes, such as a
	 * compilation error. The previous code keeps serving.
	 * @param className the name of the class whose source failed; the failure is recorded
	 * for the beans it belongs to, or on its own
	 * @param classes the names of all the classes of the batch that failed with it
	 * @param failure what went wrong
	 */
	void compilationFailed(String className, List<String> classes, Failure failure);

}
