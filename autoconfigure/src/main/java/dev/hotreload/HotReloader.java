package dev.hotreload;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

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
	 * Reload a bean now from its current class files, saying what asked for it.
	 * @param beanName the name of a reloadable bean
	 * @param trigger what asked for the reload, as the record will tell
	 * @return the record of the attempt, whose outcome tells whether it succeeded
	 * @throws IllegalArgumentException if no reloadable bean has that name
	 */
	ReloadRecord reload(String beanName, ReloadRecord.Trigger trigger);

	/**
	 * Refresh the whole application in this JVM: close its context and start it again on
	 * a fresh class loader for the project's class directories, so that every changed
	 * class applies, with the history, the state of {@code KEEP} beans and the
	 * {@code @SurvivesRefresh} instances carried across. It returns at once; the refresh
	 * runs on a thread of its own and ends with a record of outcome {@code REFRESHED} or
	 * {@code FAILED} in the history.
	 * @return the id of the refresh's record
	 * @throws IllegalStateException if the application cannot be refreshed, because it
	 * was not started from a {@code main} method with hot reload on (see
	 * {@code docs/refresh.md})
	 */
	long refresh();

	/**
	 * Refresh the whole application in this JVM, saying what asked for it.
	 * @param trigger what asked for the refresh, as the record will tell
	 * @return the id of the refresh's record
	 * @throws IllegalStateException if the application cannot be refreshed
	 * @see #refresh()
	 */
	long refresh(ReloadRecord.Trigger trigger);

	/**
	 * Return the reload history, newest first.
	 * @return the records kept in the history
	 */
	List<ReloadRecord> history();

	/**
	 * Return the reload history of one bean, newest first.
	 * @param beanName the bean's name
	 * @return its records, empty if it has none
	 */
	List<ReloadRecord> history(String beanName);

	/**
	 * Return the names of the beans that can be reloaded.
	 * @return the names of the reloadable beans, sorted
	 */
	Set<String> reloadableBeans();

	/**
	 * Return the status of every reloadable bean, sorted by name.
	 * @return the statuses
	 */
	List<BeanStatus> beans();

	/**
	 * Return the status of one reloadable bean.
	 * @param beanName the bean's name
	 * @return its status, or {@code null} if no reloadable bean has that name
	 */
	@Nullable BeanStatus bean(String beanName);

	/**
	 * Return the class directories whose classes can be reloaded.
	 * @return the class directories in classpath order, empty in a packaged application
	 */
	Set<Path> classDirectories();

}
