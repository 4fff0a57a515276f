package dev.hotreload.reload;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Tells which fields of a new generation hold the bean's injected dependencies, which the
 * new instance got fresh from the bean factory and which must not be overwritten with the
 * old instance's: fields annotated for injection, and fields whose value is one of the
 * factory's singletons (set by constructor injection), or the object of a singleton
 * {@link FactoryBean}, such as a Spring Data repository.
 */
public final class InjectedFields implements Predicate<Field> {

	private static final Set<String> INJECTION_ANNOTATIONS = Set.of(
			"org.springframework.beans.factory.annotation.Autowired",
			"org.springframework.beans.factory.annotation.Value", "jakarta.inject.Inject",
			"jakarta.annotation.Resource");

	private final Object instance;

	private final ConfigurableListableBeanFactory beanFactory;

	private final Set<Object> singletons;

	/**
	 * Create a test for the fields of an instance.
	 * @param instance the new instance
	 * @param beanFactory the bean factory that injected it
	 */
	public InjectedFields(Object instance, ConfigurableListableBeanFactory beanFactory) {
		this.instance = instance;
		this.beanFactory = beanFactory;
		this.singletons = Collections.newSetFromMap(new IdentityHashMap<>());
		for (String name : beanFactory.getSingletonNames()) {
			Object singleton = beanFactory.getSingleton(name);
			if (singleton != null) {
				this.singletons.add(singleton);
			}
		}
	}

	@Override
	public boolean test(Field field) {
		for (Annotation annotation : field.getAnnotations()) {
			if (INJECTION_ANNOTATIONS.contains(annotation.annotationType().getName())) {
				return true;
			}
		}
		if (field.getType().isPrimitive() || Modifier.isStatic(field.getModifiers())) {
			return false;
		}
		try {
			field.setAccessible(true);
			Object value = field.get(this.instance);
			return value != null && (this.singletons.contains(value) || isFactoryBeanObject(field.getType(), value));
		}
		catch (IllegalAccessException ex) {
			return false;
		}
	}

	// The singletons hold a FactoryBean itself, not the object it made. The candidates
	// come from the field's type, so only factory beans of that type are asked for their
	// object, which the constructor injection has just made in any case.
	private boolean isFactoryBeanObject(Class<?> type, Object value) {
		for (String name : this.beanFactory.getBeanNamesForType(type, false, false)) {
			if (this.beanFactory.isFactoryBean(name) && this.beanFactory.getBean(name) == value) {
				return true;
			}
		}
		return false;
	}

}
