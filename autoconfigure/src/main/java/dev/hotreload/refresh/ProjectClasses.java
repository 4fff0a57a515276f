package dev.hotreload.refresh;

import org.jspecify.annotations.Nullable;

/**
 * Tells the project's classes, which a refresh defines anew, from library classes, which
 * stay the same across refreshes. A library class is one of the base class loader (the
 * loader of hot reload itself) or of one of its parents; any other class comes from a
 * loader made for the project: a {@link RefreshClassLoader}, DevTools' restart class
 * loader, or a hot reload generation's loader below one of those.
 */
public final class ProjectClasses {

	private static final @Nullable ClassLoader BASE = ProjectClasses.class.getClassLoader();

	private ProjectClasses() {
	}

	/**
	 * Tell whether a class is one of the project's.
	 * @param type the class; for an array, its component class counts
	 * @return whether a refresh defines the class anew
	 */
	public static boolean isProjectClass(Class<?> type) {
		while (type.isArray()) {
			type = type.getComponentType();
		}
		ClassLoader loader = type.getClassLoader();
		if (loader == null) {
			return false;
		}
		for (ClassLoader base = BASE; base != null; base = base.getParent()) {
			if (base == loader) {
				return false;
			}
		}
		return true;
	}

}
