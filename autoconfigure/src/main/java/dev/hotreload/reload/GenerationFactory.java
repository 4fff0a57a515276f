package dev.hotreload.reload;

import java.lang.reflect.Method;
import java.util.Set;

import dev.hotreload.StatePolicy;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.BeanNameAware;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.InitDestroyAnnotationBeanPostProcessor;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.AbstractBeanFactory;
import org.springframework.util.ObjectUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Builds the instance of a new generation with the bean factory: constructor autowiring
 * of the new class, field and {@code @Value} injection, {@code Aware} callbacks and the
 * post-processors that run before initialization. Under {@link StatePolicy#KEEP} the init
 * callbacks are skipped, since the instance takes over an initialized state; under
 * {@link StatePolicy#RESET} they run. Post-processors that run after initialization
 * (proxies, {@code @Scheduled}, listeners) are not applied: they were applied once to the
 * stable proxy.
 */
final class GenerationFactory {

	private final ConfigurableListableBeanFactory beanFactory;

	GenerationFactory(ConfigurableListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	Object create(String beanName, Class<?> type, StatePolicy policy) throws Exception {
		Object instance = this.beanFactory.autowire(type, AutowireCapableBeanFactory.AUTOWIRE_CONSTRUCTOR, false);
		this.beanFactory.autowireBeanProperties(instance, AutowireCapableBeanFactory.AUTOWIRE_NO, false);
		invokeAwareMethods(beanName, instance);
		boolean initialize = policy == StatePolicy.RESET;
		for (BeanPostProcessor postProcessor : postProcessors()) {
			if (!initialize && postProcessor instanceof InitDestroyAnnotationBeanPostProcessor) {
				continue;
			}
			Object processed = postProcessor.postProcessBeforeInitialization(instance, beanName);
			if (processed != null && type.isInstance(processed)) {
				instance = processed;
			}
		}
		if (initialize) {
			invokeInitMethods(beanName, instance);
		}
		return instance;
	}

	/**
	 * Run the init callbacks of an instance built under {@link StatePolicy#KEEP}, which
	 * {@link #create} skipped: {@code @PostConstruct} methods, then
	 * {@code InitializingBean.afterPropertiesSet()} and custom init methods.
	 * @param beanName the bean's name
	 * @param instance the instance
	 * @throws Exception what a callback threw
	 */
	void initialize(String beanName, Object instance) throws Exception {
		for (BeanPostProcessor postProcessor : postProcessors()) {
			if (postProcessor instanceof InitDestroyAnnotationBeanPostProcessor initDestroy) {
				initDestroy.postProcessBeforeInitialization(instance, beanName);
			}
		}
		invokeInitMethods(beanName, instance);
	}

	/**
	 * Tell whether an instance has destroy callbacks of its own: {@code @PreDestroy}
	 * methods, {@code DisposableBean} or {@code AutoCloseable}.
	 * @param instance the instance
	 * @return whether destroying it runs code of the bean
	 */
	boolean hasDestroyCallbacks(Object instance) {
		if (instance instanceof DisposableBean || instance instanceof AutoCloseable) {
			return true;
		}
		for (BeanPostProcessor postProcessor : postProcessors()) {
			if (postProcessor instanceof InitDestroyAnnotationBeanPostProcessor initDestroy
					&& initDestroy.requiresDestruction(instance)) {
				return true;
			}
		}
		return false;
	}

	private void invokeAwareMethods(String beanName, Object instance) {
		if (instance instanceof BeanNameAware aware) {
			aware.setBeanName(beanName);
		}
		if (instance instanceof BeanClassLoaderAware aware) {
			aware.setBeanClassLoader(instance.getClass().getClassLoader());
		}
		if (instance instanceof BeanFactoryAware aware) {
			aware.setBeanFactory(this.beanFactory);
		}
	}

	private void invokeInitMethods(String beanName, Object instance) throws Exception {
		if (instance instanceof InitializingBean initializingBean) {
			initializingBean.afterPropertiesSet();
		}
		for (String initMethodName : initMethodNames(beanName)) {
			if (instance instanceof InitializingBean && "afterPropertiesSet".equals(initMethodName)) {
				continue;
			}
			Method method = ReflectionUtils.findMethod(instance.getClass(), initMethodName);
			if (method != null) {
				ReflectionUtils.makeAccessible(method);
				ReflectionUtils.invokeMethod(method, instance);
			}
		}
	}

	private Set<String> initMethodNames(String beanName) {
		if (!this.beanFactory.containsBeanDefinition(beanName)) {
			return Set.of();
		}
		BeanDefinition definition = this.beanFactory.getMergedBeanDefinition(beanName);
		if (definition instanceof AbstractBeanDefinition abstractDefinition
				&& !ObjectUtils.isEmpty(abstractDefinition.getInitMethodNames())) {
			return Set.of(abstractDefinition.getInitMethodNames());
		}
		return Set.of();
	}

	private Iterable<BeanPostProcessor> postProcessors() {
		if (this.beanFactory instanceof AbstractBeanFactory abstractBeanFactory) {
			return abstractBeanFactory.getBeanPostProcessors();
		}
		return Set.of();
	}

}
