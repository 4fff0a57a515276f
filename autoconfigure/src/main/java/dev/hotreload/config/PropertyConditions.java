package dev.hotreload.config;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport.ConditionAndOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport.ConditionAndOutcomes;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.MethodMetadata;
import org.springframework.util.ClassUtils;

/**
 * Finds the {@code @ConditionalOnProperty} (and {@code @ConditionalOnBooleanProperty})
 * conditions of the running context whose outcome a change of keys flips: each one that
 * Spring Boot's condition evaluation report holds and that names a changed key is
 * evaluated again against the environment as it is now. Only a refresh applies a flipped
 * outcome, since conditions are evaluated once, at startup.
 */
final class PropertyConditions {

	private static final Log logger = LogFactory.getLog(PropertyConditions.class);

	// Spring Boot's property condition, which is package-private.
	private static final String ON_PROPERTY_CONDITION = "org.springframework.boot.autoconfigure.condition.OnPropertyCondition";

	private static final List<Class<? extends Annotation>> ANNOTATIONS = List.of(ConditionalOnProperty.class,
			ConditionalOnBooleanProperty.class);

	private final ConfigurableApplicationContext context;

	// The property conditions of the report, with the keys they name: the report of a
	// context is complete once it started, and a refresh makes a new context.
	private volatile @Nullable List<PropertyCondition> index;

	PropertyConditions(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Return why the changed keys need a refresh: one reason per source (a class or a
	 * {@code @Bean} method) whose property condition has another outcome now.
	 * @param keys the changed keys
	 * @return the reasons, such as
	 * {@code app.feature.enabled changes the outcome of @ConditionalOnProperty on 'demo.FeatureConfig'}
	 */
	List<String> flippedBy(Collection<String> keys) {
		ConfigurableListableBeanFactory beanFactory = this.context.getBeanFactory();
		if (keys.isEmpty() || !(beanFactory instanceof BeanDefinitionRegistry registry)) {
			return List.of();
		}
		Set<ConfigurationPropertyName> changed = new LinkedHashSet<>();
		keys.forEach((key) -> changed.add(ConfigurationPropertyName.adapt(key, '.')));
		ConditionContext conditionContext = new CurrentConditionContext(registry, beanFactory, this.context);
		List<String> reasons = new ArrayList<>();
		for (PropertyCondition condition : index(beanFactory)) {
			String reason = condition.flipped(changed, conditionContext);
			if (reason != null) {
				reasons.add(reason);
			}
		}
		return reasons;
	}

	private List<PropertyCondition> index(ConfigurableListableBeanFactory beanFactory) {
		List<PropertyCondition> index = this.index;
		if (index == null) {
			index = new ArrayList<>();
			for (Map.Entry<String, ConditionAndOutcomes> entry : ConditionEvaluationReport.get(beanFactory)
				.getConditionAndOutcomesBySource()
				.entrySet()) {
				for (ConditionAndOutcome outcome : entry.getValue()) {
					if (outcome.getCondition() instanceof SpringBootCondition condition
							&& ON_PROPERTY_CONDITION.equals(condition.getClass().getName())) {
						PropertyCondition indexed = indexed(entry.getKey(), condition, outcome.getOutcome().isMatch());
						if (indexed != null) {
							index.add(indexed);
						}
					}
				}
			}
			this.index = index;
		}
		return index;
	}

	private @Nullable PropertyCondition indexed(String source, SpringBootCondition condition, boolean matched) {
		AnnotatedTypeMetadata metadata = metadata(source);
		if (metadata == null) {
			return null;
		}
		List<NamedKey> keys = new ArrayList<>();
		for (Class<? extends Annotation> type : ANNOTATIONS) {
			for (MergedAnnotation<?> each : metadata.getAnnotations().stream(type).toList()) {
				for (String key : keysOf(each)) {
					keys.add(new NamedKey(key, ConfigurationPropertyName.adapt(key, '.'), type.getSimpleName()));
				}
			}
		}
		return keys.isEmpty() ? null : new PropertyCondition(source, condition, matched, metadata, keys);
	}

	private static List<String> keysOf(MergedAnnotation<?> annotation) {
		String prefix = annotation.getString("prefix").trim();
		if (!prefix.isEmpty() && !prefix.endsWith(".")) {
			prefix = prefix + ".";
		}
		String[] names = annotation.getStringArray("name");
		if (names.length == 0) {
			names = annotation.getStringArray("value");
		}
		List<String> keys = new ArrayList<>();
		for (String name : names) {
			keys.add(prefix + name.trim());
		}
		return keys;
	}

	// A source is a class name, or a class name and a @Bean method's name.
	private @Nullable AnnotatedTypeMetadata metadata(String source) {
		int hash = source.indexOf('#');
		String className = (hash != -1) ? source.substring(0, hash) : source;
		AnnotationMetadata type;
		try {
			// The application's class loader, not the one of the thread that takes the
			// change.
			type = AnnotationMetadata
				.introspect(ClassUtils.forName(className, this.context.getBeanFactory().getBeanClassLoader()));
		}
		catch (ClassNotFoundException | LinkageError ex) {
			logger.trace("Cannot evaluate the conditions of " + source + " again", ex);
			return null;
		}
		if (hash == -1) {
			return type;
		}
		String methodName = source.substring(hash + 1);
		for (Class<? extends Annotation> annotation : ANNOTATIONS) {
			for (MethodMetadata method : type.getAnnotatedMethods(annotation.getName())) {
				if (method.getMethodName().equals(methodName)) {
					return method;
				}
			}
		}
		return null;
	}

	/**
	 * A key that a property condition names, and the annotation that names it.
	 *
	 * @param key the key as the annotation names it
	 * @param name the key's canonical name
	 * @param annotation the simple name of the annotation
	 */
	private record NamedKey(String key, ConfigurationPropertyName name, String annotation) {

	}

	/**
	 * A property condition of the report, its outcome at startup, and the keys it names.
	 *
	 * @param source the class or {@code @Bean} method of the condition
	 * @param condition the condition
	 * @param matched whether it matched at startup
	 * @param metadata what it is evaluated against
	 * @param keys the keys its annotations name
	 */
	private record PropertyCondition(String source, SpringBootCondition condition, boolean matched,
			AnnotatedTypeMetadata metadata, List<NamedKey> keys) {

		@Nullable String flipped(Set<ConfigurationPropertyName> changed, ConditionContext conditionContext) {
			List<String> named = new ArrayList<>();
			String annotation = null;
			for (NamedKey key : this.keys) {
				if (changed.contains(key.name()) && !named.contains(key.key())) {
					named.add(key.key());
					annotation = (annotation != null) ? annotation : key.annotation();
				}
			}
			// A condition that names none of the changed keys keeps its outcome.
			if (named.isEmpty()
					|| this.condition.getMatchOutcome(conditionContext, this.metadata).isMatch() == this.matched) {
				return null;
			}
			return String.join(", ", named) + " changes the outcome of @" + annotation + " on '" + this.source + "'";
		}

	}

	/**
	 * The context a condition is evaluated in, with the running environment.
	 */
	private record CurrentConditionContext(BeanDefinitionRegistry registry, ConfigurableListableBeanFactory factory,
			ConfigurableApplicationContext context) implements ConditionContext {

		@Override
		public BeanDefinitionRegistry getRegistry() {
			return this.registry;
		}

		@Override
		public ConfigurableListableBeanFactory getBeanFactory() {
			return this.factory;
		}

		@Override
		public Environment getEnvironment() {
			return this.context.getEnvironment();
		}

		@Override
		public ResourceLoader getResourceLoader() {
			return this.context;
		}

		@Override
		public @Nullable ClassLoader getClassLoader() {
			return this.factory.getBeanClassLoader();
		}

	}

}
