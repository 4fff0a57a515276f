package dev.hotreload.classloading;

import java.beans.Introspector;
import java.lang.reflect.Field;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.aspectj.ShadowMatchUtils;
import org.springframework.beans.CachedIntrospectionResults;
import org.springframework.beans.factory.annotation.InitDestroyAnnotationBeanPostProcessor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanFactory;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindingPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Clears the caches of Spring, Spring Boot and the JDK that would keep a replaced
 * generation's classes, and so its class loader, reachable: even caches of soft
 * references, which would hold hundreds of generations until the heap runs short.
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
		clearConverterCache(beanFactory.getConversionService());
		if (beanFactory instanceof AbstractBeanFactory abstractBeanFactory) {
			for (BeanPostProcessor postProcessor : abstractBeanFactory.getBeanPostProcessors()) {
				if (postProcessor instanceof InitDestroyAnnotationBeanPostProcessor initDestroy) {
					removeClassesOf(classLoader, initDestroy);
				}
				if (postProcessor instanceof ConfigurationPropertiesBindingPostProcessor binding) {
					clearBinderCache(binding);
				}
			}
		}
	}

	// Spring Boot's binder of @ConfigurationProperties beans keeps what it learned about
	// each bound type (JavaBean properties, value object constructors), and its
	// conversion services the converters found for each pair of types, in caches of soft
	// references with no way to evict one: they would keep every bound generation until
	// the heap runs short. They are caches, so they are emptied whole.
	private static void clearBinderCache(ConfigurationPropertiesBindingPostProcessor postProcessor) {
		Object propertiesBinder = fieldValue(postProcessor, "binder");
		Object binder = (propertiesBinder != null) ? fieldValue(propertiesBinder, "binder") : null;
		if (!(binder instanceof Binder)) {
			return;
		}
		if (fieldValue(binder, "cache") instanceof Map<?, ?> cache) {
			cache.clear();
		}
		Object bindConverter = fieldValue(binder, "bindConverter");
		if (bindConverter != null && fieldValue(bindConverter, "delegates") instanceof Iterable<?> delegates) {
			delegates.forEach(ClassLoaderCaches::clearConverterCache);
		}
	}

	private static void clearConverterCache(@Nullable Object conversionService) {
		if (conversionService instanceof GenericConversionService
				&& fieldValue(conversionService, "converterCache") instanceof Map<?, ?> cache) {
			cache.clear();
		}
	}

	private static @Nullable Object fieldValue(Object target, String name) {
		Field field = ReflectionUtils.findField(target.getClass(), name);
		if (field == null) {
			return null;
		}
		ReflectionUtils.makeAccessible(field);
		return ReflectionUtils.getField(field, target);
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
