package dev.hotreload.reload;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.hotreload.HotReloadable;
import dev.hotreload.StatePolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.SmartInstantiationAwareBeanPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.PatternMatchUtils;

/**
 * Hands out reloadable beans as stable proxies: singletons whose class or {@code @Bean}
 * method is annotated {@link HotReloadable}, or whose class name matches one of the
 * include patterns. It runs before every other post-processor that creates proxies, so
 * that those wrap the reloadable proxy and their advice keeps working across reloads.
 */
public final class ReloadableBeanPostProcessor
		implements SmartInstantiationAwareBeanPostProcessor, BeanFactoryAware, PriorityOrdered {

	private final ReloadableBeans beans;

	private final List<String> includePatterns;

	private final Map<String, Object> earlyReferences = new ConcurrentHashMap<>();

	private @Nullable ConfigurableListableBeanFactory beanFactory;

	/**
	 * Create a post-processor.
	 * @param beans the registry that makes beans reloadable
	 * @param includePatterns class-name patterns ({@code *} wildcards) of beans that are
	 * reloadable without the annotation
	 */
	public ReloadableBeanPostProcessor(ReloadableBeans beans, List<String> includePatterns) {
		Assert.notNull(beans, "'beans' must not be null");
		Assert.notNull(includePatterns, "'includePatterns' must not be null");
		this.beans = beans;
		this.includePatterns = List.copyOf(includePatterns);
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
		Assert.isInstanceOf(ConfigurableListableBeanFactory.class, beanFactory);
		this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
	}

	@Override
	public int getOrder() {
		return HIGHEST_PRECEDENCE;
	}

	@Override
	public Object getEarlyBeanReference(Object bean, String beanName) {
		this.earlyReferences.put(beanName, bean);
		return wrapIfReloadable(bean, beanName);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (this.earlyReferences.remove(beanName) == bean) {
			// The early reference already is the proxy; the container will use it.
			return bean;
		}
		return wrapIfReloadable(bean, beanName);
	}

	private Object wrapIfReloadable(Object bean, String beanName) {
		if (this.beans.classDirectories().isEmpty()) {
			return bean;
		}
		StatePolicy policy = policyOf(bean, beanName);
		if (policy == null) {
			return bean;
		}
		Object proxy = this.beans.register(beanName, bean, policy);
		if (proxy == null) {
			return bean;
		}
		if (AopUtils.isCglibProxy(proxy)) {
			preserveTargetClass(beanName);
		}
		return proxy;
	}

	// Post-processors that add advice (@Async, @Transactional, @Validated) wrap the
	// reloadable proxy in a proxy of their own. Unless told to proxy the target class (as
	// with spring.aop.proxy-target-class=false, or without Spring Boot's AOP
	// auto-configuration), they find the interfaces of the reloadable proxy, such as
	// Advised, and build a JDK proxy of those, which cannot be injected by the bean's
	// class.
	private void preserveTargetClass(String beanName) {
		if (this.beanFactory != null && this.beanFactory.containsBeanDefinition(beanName)) {
			this.beanFactory.getBeanDefinition(beanName)
				.setAttribute(AutoProxyUtils.PRESERVE_TARGET_CLASS_ATTRIBUTE, Boolean.TRUE);
		}
	}

	private @Nullable StatePolicy policyOf(Object bean, String beanName) {
		if (this.beanFactory == null || !this.beanFactory.containsBeanDefinition(beanName)
				|| bean instanceof FactoryBean<?> || AopUtils.isAopProxy(bean)) {
			return null;
		}
		BeanDefinition definition = this.beanFactory.getMergedBeanDefinition(beanName);
		if (!definition.isSingleton() || definition.getRole() != BeanDefinition.ROLE_APPLICATION) {
			return null;
		}
		Class<?> type = ClassUtils.getUserClass(bean);
		if (type != bean.getClass()) {
			// A class enhanced by CGLIB, such as a @Configuration class: the new class
			// would lack the enhancement.
			return null;
		}
		HotReloadable annotation = null;
		if (definition instanceof RootBeanDefinition rootDefinition) {
			Method factoryMethod = rootDefinition.getResolvedFactoryMethod();
			if (factoryMethod != null) {
				annotation = AnnotatedElementUtils.findMergedAnnotation(factoryMethod, HotReloadable.class);
			}
		}
		if (annotation == null) {
			annotation = AnnotatedElementUtils.findMergedAnnotation(type, HotReloadable.class);
		}
		if (annotation != null) {
			return annotation.state();
		}
		for (String pattern : this.includePatterns) {
			if (PatternMatchUtils.simpleMatch(pattern, type.getName())) {
				return StatePolicy.KEEP;
			}
		}
		return null;
	}

}
