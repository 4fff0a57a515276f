package dev.hotreload.refresh;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.util.Assert;

/**
 * The changed classes that hot reload could not apply and that only a full refresh of the
 * application context can, since the last refresh.
 */
public final class PendingRefresh {

	private final Map<String, PendingClass> classes = new TreeMap<>();

	/**
	 * Add a class that waits for a refresh; a class added again keeps its latest reason.
	 * @param className the binary name of the class
	 * @param reason why hot reload could not apply it
	 */
	public void add(String className, String reason) {
		Assert.hasText(className, "'className' must not be empty");
		Assert.hasText(reason, "'reason' must not be empty");
		synchronized (this.classes) {
			this.classes.put(className, new PendingClass(className, reason));
		}
	}

	/**
	 * Forget a class that no longer waits for a refresh, since its latest version could
	 * be applied after all.
	 * @param className the binary name of the class
	 */
	public void remove(String className) {
		synchronized (this.classes) {
			this.classes.remove(className);
		}
	}

	/**
	 * Return the classes that wait for a refresh.
	 * @return the classes, sorted by name
	 */
	public List<PendingClass> classes() {
		synchronized (this.classes) {
			return List.copyOf(this.classes.values());
		}
	}

	/**
	 * Forget every class, as a refresh applies them all.
	 */
	public void clear() {
		synchronized (this.classes) {
			this.classes.clear();
		}
	}

	/**
	 * A changed class that waits for a refresh.
	 *
	 * @param className the binary name of the class (JSON key {@code class})
	 * @param reason why hot reload could not apply it
	 */
	public record PendingClass(@JsonProperty("class") String className, String reason) {

	}

}
