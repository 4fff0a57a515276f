package dev.hotreload.redefine;

import java.util.List;

import org.springframework.util.Assert;

/**
 * What redefining a batch of changed classes in place would do, class by class, before
 * anything is changed.
 *
 * @param entries one entry per changed class, sorted by class name
 */
public record RedefinitionPlan(List<Entry> entries) {

	/**
	 * Create a plan.
	 * @param entries one entry per changed class
	 */
	public RedefinitionPlan {
		Assert.notNull(entries, "'entries' must not be null");
		entries = List.copyOf(entries);
	}

	/**
	 * Return the entries whose classes are live and keep their shape.
	 * @return the classes that can be redefined in place
	 */
	public List<Entry> redefinable() {
		return this.entries.stream().filter(Entry::redefinable).toList();
	}

	/**
	 * Return the entries whose classes are live and changed shape.
	 * @return the classes that the JVM cannot redefine
	 */
	public List<Entry> shapeChanged() {
		return this.entries.stream().filter((entry) -> !entry.differences().isEmpty()).toList();
	}

	/**
	 * Return the entries whose classes were never loaded.
	 * @return the classes that will be loaded from their new class files when first used
	 */
	public List<Entry> notLoaded() {
		return this.entries.stream().filter((entry) -> entry.liveClasses().isEmpty()).toList();
	}

	/**
	 * One changed class.
	 *
	 * @param className the binary class name
	 * @param liveClasses the loaded class objects of that name (empty if it was never
	 * loaded)
	 * @param classFile the new class file
	 * @param differences how the new version differs in shape from the live one; empty if
	 * the shape is unchanged
	 * @param startupChanges how the new version changes code that Spring runs only at
	 * startup (see {@link StartupCode}), which a redefinition would never run; empty if
	 * it changes none
	 */
	public record Entry(String className, List<Class<?>> liveClasses, byte[] classFile, List<String> differences,
			List<String> startupChanges) {

		/**
		 * Create an entry.
		 * @param className the binary class name
		 * @param liveClasses the loaded class objects of that name
		 * @param classFile the new class file
		 * @param differences the differences in shape
		 * @param startupChanges the changes to code that runs only at startup
		 */
		public Entry {
			Assert.hasText(className, "'className' must not be empty");
			Assert.notNull(classFile, "'classFile' must not be null");
			liveClasses = List.copyOf(liveClasses);
			differences = List.copyOf(differences);
			startupChanges = List.copyOf(startupChanges);
		}

		/**
		 * Create an entry that changes no startup code.
		 * @param className the binary class name
		 * @param liveClasses the loaded class objects of that name
		 * @param classFile the new class file
		 * @param differences the differences in shape
		 */
		public Entry(String className, List<Class<?>> liveClasses, byte[] classFile, List<String> differences) {
			this(className, liveClasses, classFile, differences, List.of());
		}

		/**
		 * Tell whether the class is live and keeps its shape, so that the JVM can
		 * redefine it (whether the redefinition takes effect is told by
		 * {@link #startupChanges()}).
		 * @return whether it can be redefined in place
		 */
		public boolean redefinable() {
			return !this.liveClasses.isEmpty() && this.differences.isEmpty();
		}

	}

}
