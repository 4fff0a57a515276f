package dev.hotreload.config;

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

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
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
	 * Return the beans that read any of the given keys, each with the keys it reads.
	 * @param keys the changed keys
	 * @return the names of the beans, in the order of their definitions, and their keys
	 */
	Map<String, Set<String>> readersOf(Collection<String> keys) {
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
			for (String placeholder : placeholders(type)) {
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

	private static List<String> placeholders(Class<?> type) {
		List<AnnotatedElement> elements = new ArrayList<>();
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
		List<String> placeholders = new ArrayList<>();
		for (AnnotatedElement element : elements) {
			Value value = element.getAnnotation(Value.class);
			if (value != null) {
				Matcher matcher = PLACEHOLDER.matcher(value.value());
				while (matcher.find()) {
					placeholders.add(matcher.group(1).trim());
				}
			}
		}
		return placeholders;
	}

	private static void addParameters(Method method, List<AnnotatedElement> elements) {
		for (Parameter parameter : method.getParameters()) {
			elements.add(parameter);
		}
	}

}
