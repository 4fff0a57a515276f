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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.hotreload.classloading.ClassPathDirectories;
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
 * project's classes count; the library's read their keys once, at startup.
 */
final class ValueReaders {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)");

	private final ConfigurableListableBeanFactory beanFactory;

	private final Collection<Path> classDirectories;

	ValueReaders(ConfigurableListableBeanFactory beanFactory, Collection<Path> classDirectories) {
		this.beanFactory = beanFactory;
		this.classDirectories = classDirectories;
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
		for (String beanName : this.beanFactory.getBeanDefinitionNames()) {
			Class<?> type = this.beanFactory.getType(beanName, false);
			if (type == null) {
				continue;
			}
			type = ClassUtils.getUserClass(type);
			if (ClassPathDirectories.directoryOf(type, this.classDirectories) == null) {
				continue;
			}
			Set<String> read = new LinkedHashSet<>();
			for (String placeholder : placeholders(type, value)) {
				String key = wanted.get(ConfigurationPropertyName.adapt(placeholder, '.'));
				if (key != null) {
					read.add(key);
				}
			}
			if (!read.isEmpty()) {
				readers.put(beanName, read);
			}
		}
		return readers;
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
		Class<?> type = this.beanFactory.getType(beanName, false);
		if (type == null) {
			return;
		}
		for (String text : annotationTexts(ClassUtils.getUserClass(type), true)) {
			try {
				resolver.resolveRequiredPlaceholders(text);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException(
						"'" + beanName + "' reads " + text + " through @Value: " + ex.getMessage());
			}
		}
	}

	private static List<String> placeholders(Class<?> type, boolean value) {
		List<String> placeholders = new ArrayList<>();
		for (String text : annotationTexts(type, value)) {
			Matcher matcher = PLACEHOLDER.matcher(text);
			while (matcher.find()) {
				placeholders.add(matcher.group(1).trim());
			}
		}
		return placeholders;
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

}
