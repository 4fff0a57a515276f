package dev.hotreload.classloading;

import java.beans.Introspector;
import java.lang.reflect.Field;
import java.util.Map;

import org.springframework.aop.aspectj.ShadowMatchUtils;
import org.springframework.beans.CachedIntrospectionResults;
import org.springframework.beans.factory.annotation.InitDestroyAnnotationBeanPostProcessor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanFactory;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Clears the caches of Spring and of the JDK that would keep a replaced generation's
 * classes, and so its class loader, reachable.
 */
public final class ClassLoaderCaches {

	private static final boolean ASPECTJ_PRESENT = ClassUtils.isPresent("org.aspectj.weaver.tools.ShadowMatch",
			ClassLoaderCaches.class.getClassLoader());

	private ClassLoaderCaches() {
	}

	/**
	 * Forget what the caches hold for classes of the given loader.
	 * @param classLoader the loader of a generation that was replaced
	 * @param beanFactory the bean factory whose post-processors built that generation
	 */
	public static void clear(ClassLoader classLoader, ConfigurableListableBeanFactory beanFactory) {
		CachedIntrospectionResults.clearClassLoader(classLoader);
		ReflectionUtils.clearCache();
		AnnotationUtils.clearCache();
		ResolvableType.clearCache();
		Introspector.flushCaches();
		if (ASPECTJ_PRESENT) {
			ShadowMatchUtils.clearCache();
		}
		if (beanFactory instanceof AbstractBeanFactory abstractBeanFactory) {
			for (BeanPostProcessor postProcessor : abstractBeanFactory.getBeanPostProcessors()) {
				if (postProcessor instanceof InitDestroyAnnotationBeanPostProcessor initDestroy) {
					removeClassesOf(classLoader, initDestroy);
				}
			}
		}
	}

	// The post-processor caches lifecycle metadata by class, with no way to evict one.
	private static void removeClassesOf(ClassLoader classLoader, InitDestroyAnnotationBeanPostProcessor processor) {
		Field field = ReflectionUtils.findField(InitDestroyAnnotationBeanPostProcessor.class, "lifecycleMetadataCache");
		if (field == null) {
			return;
		}
		ReflectionUtils.makeAccessible(field);
		if (ReflectionUtils.getField(field, processor) instanceof Map<?, ?> cache) {
			cache.keySet().removeIf((key) -> key instanceof Class<?> type && type.getClassLoader() == classLoader);
		}
	}

}
