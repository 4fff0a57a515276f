package dev.hotreload.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.hotreload.classloading.ClassPathDirectories;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.ConfigurationPropertiesBean;
import org.springframework.boot.context.properties.bind.BindMethod;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Rebinds, in place, the {@code @ConfigurationProperties} beans of the project whose
 * prefix covers a changed key. Each is bound anew into a fresh instance by the bean
 * factory (so Spring Boot's binder, conversion and validation run as at startup), and
 * only once every fresh instance bound are their fields copied onto the live instances: a
 * change that does not bind changes nothing. A key that is gone takes the value the class
 * gives it, as at startup. The names of the configuration properties beans are kept for
 * the next change, until {@link #forget()}.
 */
final class PropertiesRebinder {

	private final ConfigurableApplicationContext context;

	private final Collection<Path> classDirectories;

	// Finding them scans every bean of the context; the definitions of a context change
	// only by a refresh, which makes a new context.
	private volatile @Nullable List<String> beanNames;

	PropertiesRebinder(ConfigurableApplicationContext context, Collection<Path> classDirectories) {
		this.context = context;
		this.classDirectories = classDirectories;
	}

	/**
	 * Forget which beans are configuration properties beans, as classes changed.
	 */
	void forget() {
		this.beanNames = null;
	}

	/**
	 * Decide what becomes of the configuration properties beans that the keys concern.
	 * @param keys the changed keys
	 * @return the plan
	 */
	Plan plan(Collection<String> keys) {
		Plan plan = new Plan();
		for (ConfigurationPropertiesBean bean : beans()) {
			Object instance = bean.getInstance();
			if (instance == null) {
				continue;
			}
			String prefix = bean.getAnnotation().prefix();
			ConfigurationPropertyName name = ConfigurationPropertyName.of(prefix);
			List<String> covered = keys.stream().filter((key) -> covers(name, key)).toList();
			if (covered.isEmpty()) {
				continue;
			}
			covered.forEach(plan.coveredKeys::add);
			Class<?> type = ClassUtils.getUserClass(instance);
			if (ClassPathDirectories.directoryOf(type, this.classDirectories) == null) {
				plan.refreshReasons.add(String.join(", ", covered) + " bound once, at startup, by "
						+ type.getSimpleName() + " ('" + prefix + "')");
			}
			else if (bean.asBindTarget().getBindMethod() == BindMethod.VALUE_OBJECT) {
				plan.refreshReasons.add(String.join(", ", covered) + " bound through the constructor of "
						+ type.getSimpleName() + ", which cannot be bound again in place");
			}
			else if (AopUtils.isAopProxy(instance)) {
				plan.refreshReasons
					.add(String.join(", ", covered) + " bound to " + type.getSimpleName() + ", a proxied bean");
			}
			else {
				plan.rebinds.put(bean.getName(), bean);
			}
		}
		return plan;
	}

	private List<ConfigurationPropertiesBean> beans() {
		List<String> names = this.beanNames;
		if (names == null) {
			Map<String, ConfigurationPropertiesBean> all = ConfigurationPropertiesBean.getAll(this.context);
			this.beanNames = List.copyOf(all.keySet());
			return List.copyOf(all.values());
		}
		List<ConfigurationPropertiesBean> beans = new ArrayList<>();
		for (String name : names) {
			ConfigurationPropertiesBean bean = ConfigurationPropertiesBean.get(this.context, this.context.getBean(name),
					name);
			if (bean != null) {
				beans.add(bean);
			}
		}
		return beans;
	}

	private static boolean covers(ConfigurationPropertyName prefix, String key) {
		ConfigurationPropertyName name = ConfigurationPropertyName.adapt(key, '.');
		return prefix.isEmpty() || prefix.equals(name) || prefix.isAncestorOf(name);
	}

	/**
	 * Bind fresh instances of the beans, with the environment as it is now.
	 * @param plan the plan
	 * @return the fresh instances by bean name
	 * @throws RuntimeException if one of them does not bind
	 */
	Map<String, Object> bind(Plan plan) {
		Map<String, Object> fresh = new LinkedHashMap<>();
		plan.rebinds.forEach((name, bean) -> {
			Object instance = BeanUtils.instantiateClass(ClassUtils.getUserClass(live(bean)));
			this.context.getBeanFactory().initializeBean(instance, name);
			fresh.put(name, instance);
		});
		return fresh;
	}

	/**
	 * Copy the fields of the fresh instances onto the live ones.
	 * @param plan the plan
	 * @param fresh the fresh instances by bean name
	 */
	void apply(Plan plan, Map<String, Object> fresh) {
		plan.rebinds.forEach((name, bean) -> copy(Objects.requireNonNull(fresh.get(name)), live(bean)));
	}

	private static Object live(ConfigurationPropertiesBean bean) {
		return Objects.requireNonNull(bean.getInstance(), "The bean has an instance");
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static void copy(Object from, Object to) {
		ReflectionUtils.doWithFields(to.getClass(), (field) -> {
			ReflectionUtils.makeAccessible(field);
			Object value = field.get(from);
			if (!Modifier.isFinal(field.getModifiers())) {
				field.set(to, value);
			}
			else if (field.get(to) instanceof Collection target && value instanceof Collection source) {
				target.clear();
				target.addAll(source);
			}
			else if (field.get(to) instanceof Map target && value instanceof Map source) {
				target.clear();
				target.putAll(source);
			}
		}, (Field field) -> !Modifier.isStatic(field.getModifiers()));
	}

	/**
	 * What becomes of the configuration properties beans that changed keys concern.
	 */
	static final class Plan {

		final Map<String, ConfigurationPropertiesBean> rebinds = new LinkedHashMap<>();

		final List<String> refreshReasons = new ArrayList<>();

		final List<String> coveredKeys = new ArrayList<>();

	}

}
