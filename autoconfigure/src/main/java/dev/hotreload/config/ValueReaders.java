package dev.hotreload.config;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.hotreload.StatePolicy;
import dev.hotreload.classloading.ClassPathDirectories;
import dev.hotreload.reload.ReloadableBeans;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.env.PropertyResolver;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Finds the beans of the project that read configuration keys through {@code @Value}: on
 * fields, on methods and their parameters, and on constructor parameters. Only the
 * project's classes count; the library's read their keys once, at startup. What it reads
 * of the bean definitions and the classes is kept for the next change, until
 * {@link #forget()}.
 */
final class ValueReaders {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)");

	private final ConfigurableListableBeanFactory beanFactory;

	private final ReloadableBeans beans;

	private final Collection<Path> classDirectories;

	// The project's beans and their types, in the order of their definitions: the
	// definitions of a context change only by a refresh, which makes a new context.
	private volatile @Nullable Map<String, Class<?>> projectBeans;

	// The annotation texts of each class. A new generation of a reloadable bean is a
	// class of its own; a class redefined in place may have other annotations, and is
	// forgotten then.
	private final Map<Class<?>, Texts> texts = new ConcurrentHashMap<>();

	ValueReaders(ConfigurableListableBeanFactory beanFactory, ReloadableBeans beans,
			Collection<Path> classDirectories) {
		this.beanFactory = beanFactory;
		this.beans = beans;
		this.classDirectories = classDirectories;
	}

	/**
	 * Forget what was read of the beans and their classes, as classes changed.
	 */
	void forget() {
		this.projectBeans = null;
		this.texts.clear();
	}

	/**
	 * Return the beans that read any of the given keys through {@code @Value}, each with
	 * the keys it reads.
	 * @param keys the changed keys
	 * @return the names of the beans, in the order of their definitions, and their keys
	 */
	Map<String, Set<String>> readersOf(Collection<String> keys) {
		return readers(keys, true);
	}

	/**
	 * Return the beans that name any of the given keys in a placeholder of another
	 * annotation, such as {@code @Scheduled(fixedRateString = "${...}")}: Spring reads
	 * those once per bean, so only a refresh applies a change.
	 * @param keys the changed keys
	 * @return the names of the beans and their keys
	 */
	Map<String, Set<String>> startupReadersOf(Collection<String> keys) {
		return readers(keys, false);
	}

	private Map<String, Set<String>> readers(Collection<String> keys, boolean value) {
		Map<ConfigurationPropertyName, String> wanted = new LinkedHashMap<>();
		keys.forEach((key) -> wanted.put(ConfigurationPropertyName.adapt(key, '.'), key));
		Map<String, Set<String>> readers = new LinkedHashMap<>();
		projectBeans().forEach((beanName, type) -> {
			Set<String> read = new LinkedHashSet<>();
			for (ConfigurationPropertyName placeholder : textsOf(beanName, type).placeholders(value)) {
				String key = wanted.get(placeholder);
				if (key != null) {
					read.add(key);
				}
			}
			if (!read.isEmpty()) {
				readers.put(beanName, read);
			}
		});
		return readers;
	}

	private Map<String, Class<?>> projectBeans() {
		Map<String, Class<?>> projectBeans = this.projectBeans;
		if (projectBeans == null) {
			projectBeans = new LinkedHashMap<>();
			for (String beanName : this.beanFactory.getBeanDefinitionNames()) {
				Class<?> type = this.beanFactory.getType(beanName, false);
				if (type != null) {
					type = ClassUtils.getUserClass(type);
					if (ClassPathDirectories.directoryOf(type, this.classDirectories) != null) {
						projectBeans.put(beanName, type);
					}
				}
			}
			this.projectBeans = projectBeans;
		}
		return projectBeans;
	}

	// A reloadable bean reads what the class of its live generation reads.
	private Texts textsOf(String beanName, Class<?> type) {
		Class<?> current = type;
		for (StatePolicy policy : StatePolicy.values()) {
			Object instance = this.beans.currentInstance(beanName, policy);
			if (instance != null) {
				current = ClassUtils.getUserClass(instance);
			}
		}
		return this.texts.computeIfAbsent(current, Texts::of);
	}

	/**
	 * Check that what a bean reads through {@code @Value} resolves in the environment as
	 * it is now: a placeholder without a default whose key is gone, or that names a key
	 * no source holds, fails here rather than in the bean's next generation or at the
	 * next start.
	 * @param beanName the bean
	 * @param resolver the environment
	 * @throws IllegalStateException naming the bean and the placeholder if one does not
	 * resolve
	 */
	void checkResolvable(String beanName, PropertyResolver resolver) {
		Class<?> type = projectBeans().get(beanName);
		if (type == null) {
			return;
		}
		for (String text : textsOf(beanName, type).values) {
			try {
				resolver.resolveRequiredPlaceholders(text);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException(
						"'" + beanName + "' reads " + text + " through @Value: " + ex.getMessage());
			}
		}
	}

	// The texts of the @Value annotations of a type, or of its other annotations.
	private static List<String> annotationTexts(Class<?> type, boolean value) {
		List<AnnotatedElement> elements = new ArrayList<>();
		elements.add(type);
		ReflectionUtils.doWithFields(type, elements::add);
		ReflectionUtils.doWithMethods(type, (method) -> {
			elements.add(method);
			addParameters(method, elements);
		}, (method) -> !method.getDeclaringClass().equals(Object.class));
		for (Constructor<?> constructor : type.getDeclaredConstructors()) {
			elements.add(constructor);
			for (Parameter parameter : constructor.getParameters()) {
				elements.add(parameter);
			}
		}
		List<String> texts = new ArrayList<>();
		for (AnnotatedElement element : elements) {
			for (Annotation annotation : element.getAnnotations()) {
				if ((annotation instanceof Value) == value) {
					AnnotationUtils.getAnnotationAttributes(annotation)
						.values()
						.forEach((attribute) -> texts.addAll(texts(attribute)));
				}
			}
		}
		return texts;
	}

	private static List<String> texts(@Nullable Object attribute) {
		if (attribute instanceof String text) {
			return List.of(text);
		}
		if (attribute instanceof String[] texts) {
			return List.of(texts);
		}
		return List.of();
	}

	private static void addParameters(Method method, List<AnnotatedElement> elements) {
		for (Parameter parameter : method.getParameters()) {
			elements.add(parameter);
		}
	}

	/**
	 * The texts of the annotations of a class, and the keys their placeholders name.
	 */
	private record Texts(List<String> values, List<ConfigurationPropertyName> valueKeys,
			List<ConfigurationPropertyName> otherKeys) {

		static Texts of(Class<?> type) {
			List<String> values = annotationTexts(type, true);
			return new Texts(values, placeholders(values), placeholders(annotationTexts(type, false)));
		}

		List<ConfigurationPropertyName> placeholders(boolean value) {
			return value ? this.valueKeys : this.otherKeys;
		}

		private static List<ConfigurationPropertyName> placeholders(List<String> texts) {
			List<ConfigurationPropertyName> placeholders = new ArrayList<>();
			for (String text : texts) {
				Matcher matcher = PLACEHOLDER.matcher(text);
				while (matcher.find()) {
					placeholders.add(ConfigurationPropertyName.adapt(matcher.group(1).trim(), '.'));
				}
			}
			return placeholders;
		}

	}

}
