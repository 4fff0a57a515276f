package dev.hotreload.redefine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.util.Assert;

/**
 * Finds the methods of redefined classes that other threads are running, which keep their
 * old bodies until they are called again, as the JVM redefines classes.
 */
public final class RunningMethods {

	private static final int MAX_NOTES = 5;

	private RunningMethods() {
	}

	/**
	 * Return one note per method of the given classes that another thread is running.
	 * @param classNames the binary names of the redefined classes
	 * @return the notes, such as
	 * {@code demo.Worker.loop() is running on thread 'worker' and keeps its old body until it is called again};
	 * empty if no other thread runs one
	 */
	public static List<String> notes(Collection<String> classNames) {
		Assert.notNull(classNames, "'classNames' must not be null");
		return notes(classNames, Thread.getAllStackTraces());
	}

	static List<String> notes(Collection<String> classNames, Map<Thread, StackTraceElement[]> stacks) {
		Set<String> notes = new TreeSet<>();
		Thread current = Thread.currentThread();
		stacks.forEach((thread, stack) -> {
			if (thread != current) {
				for (StackTraceElement frame : stack) {
					// Exactly the redefined classes: not the JVM's hidden lambda classes.
					if (classNames.contains(frame.getClassName())) {
						notes.add(frame.getClassName() + "." + frame.getMethodName() + "() is running on thread '"
								+ thread.getName() + "' and keeps its old body until it is called again");
					}
				}
			}
		});
		List<String> result = new ArrayList<>(notes);
		if (result.size() > MAX_NOTES) {
			int more = result.size() - MAX_NOTES;
			result = new ArrayList<>(result.subList(0, MAX_NOTES));
			result.add("and " + more + " more running method(s) of the redefined classes");
		}
		return result;
	}

}
