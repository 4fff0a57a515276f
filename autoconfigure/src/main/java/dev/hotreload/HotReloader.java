package dev.hotreload;

import java.util.List;
import java.util.Set;

/**
 * Reloads {@link HotReloadable} beans on demand and tells what was reloaded. Inject it
 * into application code or tests; the actuator endpoint is a thin adapter over it.
 */
public interface HotReloader {

	/**
	 * Reload a bean now from its current class files. This always creates a new
	 * generation, even when the class files did not change.
	 * @param beanName the name of a reloadable bean
	 * @return the record of the attempt, whose outcome tells whether it succeeded
	 * @throws IllegalArgumentException if no reloadable bean has that name
	 */
	ReloadRecord reload(String beanName);

	/**
	 * Return the reload history, newest first.
	 * @return the records kept in the history
	 */
	List<ReloadRecord> history();

	/**
	 * Return the names of the beans that can be reloaded.
	 * @return the names of the reloadable beans
	 */
	Set<String> reloadableBeans();

}
