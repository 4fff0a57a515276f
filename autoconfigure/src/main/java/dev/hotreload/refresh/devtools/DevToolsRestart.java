package dev.hotreload.refresh.devtools;

import org.springframework.boot.devtools.restart.Restarter;
import org.springframework.util.ClassUtils;

/**
 * Spring Boot DevTools' restarter, when the application runs on it: then hot reload does
 * not install a restarter of its own, and a full refresh is a DevTools restart.
 */
public final class DevToolsRestart {

	private static final boolean PRESENT = ClassUtils.isPresent("org.springframework.boot.devtools.restart.Restarter",
			DevToolsRestart.class.getClassLoader());

	private DevToolsRestart() {
	}

	/**
	 * Tell whether the application runs on DevTools' restarter: DevTools is on the class
	 * path and its restart is active.
	 * @return whether DevTools restarts the application
	 */
	public static boolean isActive() {
		return PRESENT && Access.isActive();
	}

	/**
	 * Restart the application with DevTools, on DevTools' own thread. When the new
	 * context fails to start, that thread waits for the next change of a class file and
	 * tries again.
	 */
	public static void restart() {
		Access.restart();
	}

	// The only code that refers to DevTools' types, so that this class loads and links
	// without DevTools on the class path.
	private static final class Access {

		static void restart() {
			Restarter.getInstance().restart(new WaitForClassChange());
		}

		static boolean isActive() {
			try {
				return Restarter.getInstance().getInitialUrls() != null;
			}
			catch (IllegalStateException ex) {
				return false;
			}
		}

	}

}
