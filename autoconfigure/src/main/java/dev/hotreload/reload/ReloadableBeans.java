package dev.hotreload.reload;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import dev.hotreload.BeanStatus;
import dev.hotreload.StatePolicy;
import dev.hotreload.classloading.ClassFiles;
import dev.hotreload.classloading.ClassPathDirectories;
import dev.hotreload.proxy.Generation;
import dev.hotreload.proxy.ReloadableProxies;
import dev.hotreload.proxy.ReloadableTarget;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * The registry of reloadable beans: it hands out a bean as a stable proxy when its class
 * comes from a watched class directory, and finds the beans that a changed class belongs
 * to.
 */
public final class ReloadableBeans {

	private static final Log logger = LogFactory.getLog(ReloadableBeans.class);

	private final Set<Path> classDirectories;

	private final Map<String, ReloadableBean> beans = new ConcurrentHashMap<>();

	/**
	 * Create a registry.
	 * @param classDirectories the class directories whose classes can be reloaded
	 */
	public ReloadableBeans(Collection<Path> classDirectories) {
		Assert.notNull(classDirectories, "'classDirectories' must not be null");
		this.classDirectories = Collections.unmodifiableSet(new LinkedHashSet<>(classDirectories));
	}

	/**
	 * Return the class directories whose classes can be reloaded.
	 * @return the class directories in classpath order, empty in a packaged application
	 */
	public Set<Path> classDirectories() {
		return this.classDirectories;
	}

	/**
	 * Make a bean reloadable.
	 * @param beanName the bean's name
	 * @param bean the bean instance the context created
	 * @param policy what a reload does with the bean's state
	 * @return the proxy to hand out instead of the bean, or {@code null} if the bean
	 * cannot be reloaded (the reason is logged)
	 */
	public @Nullable Object register(String beanName, Object bean, StatePolicy policy) {
		Class<?> type = ClassUtils.getUserClass(bean);
		Path directory = ClassPathDirectories.directoryOf(type, this.classDirectories);
		if (directory == null) {
			logger.info(notReloadable(beanName, type, "its class is not in a watched class directory"));
			return null;
		}
		if (!ReloadableProxies.canProxy(type)) {
			logger.info(notReloadable(beanName, type, "its class is final and implements no interface"));
			return null;
		}
		ClassFiles files;
		try {
			// What runs, not what the file holds by now: a newer file is then a change.
			files = ClassFiles.read(directory, type.getName(), Duration.ZERO).asDefinedBy(type.getClassLoader());
		}
		catch (IOException | ClassFormatError ex) {
			logger.warn(notReloadable(beanName, type, ex.toString()));
			return null;
		}
		ReloadableTarget target = new ReloadableTarget(beanName, type, new Generation(1, bean));
		this.beans.put(beanName, new ReloadableBean(beanName, type, policy, directory, target, files));
		return ReloadableProxies.create(target, type.getClassLoader());
	}

	private static String notReloadable(String beanName, Class<?> type, String reason) {
		return "Bean '" + beanName + "' (" + type.getName() + ") is not hot-reloadable: " + reason;
	}

	/**
	 * Return a reloadable bean.
	 * @param beanName the bean's name
	 * @return the bean, or {@code null} if no reloadable bean has that name
	 */
	public @Nullable ReloadableBean get(String beanName) {
		return this.beans.get(beanName);
	}

	/**
	 * Return a reloadable bean that must exist.
	 * @param beanName the bean's name
	 * @return the bean
	 * @throws IllegalArgumentException if no reloadable bean has that name
	 */
	public ReloadableBean require(String beanName) {
		ReloadableBean bean = this.beans.get(beanName);
		if (bean == null) {
			throw new IllegalArgumentException(
					"No hot-reloadable bean named '" + beanName + "'; reloadable beans are " + names());
		}
		return bean;
	}

	/**
	 * Return every reloadable bean, sorted by name.
	 * @return the beans
	 */
	public List<ReloadableBean> all() {
		return this.beans.values().stream().sorted(Comparator.comparing(ReloadableBean::name)).toList();
	}

	/**
	 * Return the names of the reloadable beans.
	 * @return the names, sorted
	 */
	public Set<String> names() {
		return new TreeSet<>(this.beans.keySet());
	}

	/**
	 * Return the status of every reloadable bean, sorted by name.
	 * @return the statuses
	 */
	public List<BeanStatus> statuses() {
		return all().stream().map(ReloadableBean::status).toList();
	}

	/**
	 * Return the instances that serve the calls of the reloadable beans with a given
	 * policy now.
	 * @param policy the state policy
	 * @return the instances by bean name, sorted by name
	 */
	public Map<String, Object> currentInstances(StatePolicy policy) {
		Map<String, Object> instances = new TreeMap<>();
		for (ReloadableBean bean : all()) {
			if (bean.policy() == policy) {
				instances.put(bean.name(), bean.target().current().instance());
			}
		}
		return instances;
	}

	/**
	 * Return the instance that serves the calls of a reloadable bean now, if the bean has
	 * a given policy.
	 * @param beanName the bean's name
	 * @param policy the state policy
	 * @return the instance, or {@code null} if no reloadable bean of that policy has that
	 * name
	 */
	public @Nullable Object currentInstance(String beanName, StatePolicy policy) {
		ReloadableBean bean = this.beans.get(beanName);
		return (bean != null && bean.policy() == policy) ? bean.target().current().instance() : null;
	}

	/**
	 * Return the names of the reloadable beans that a class belongs to: the bean's own
	 * class or one of its nested classes.
	 * @param className a binary class name
	 * @return the bean names, sorted; empty if the class belongs to no reloadable bean
	 */
	public List<String> beanNamesOf(String className) {
		return all().stream().filter((bean) -> bean.owns(className)).map(ReloadableBean::name).toList();
	}

}
