package dev.hotreload.web;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ReflectionUtils;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Forgets what Spring MVC cached for the handler types of a replaced generation. The
 * {@code @InitBinder}, {@code @ModelAttribute}, {@code @SessionAttributes} and
 * {@code @ExceptionHandler} methods are cached per handler type, and each generation is
 * registered with a handler of its own class, so these caches never serve a stale method;
 * but they would keep the replaced generation's classes, and so its class loader,
 * reachable. Spring MVC offers no way to evict one type.
 */
final class HandlerTypeCaches {

	private static final List<Field> ADAPTER_CACHES = fields(RequestMappingHandlerAdapter.class,
			"sessionAttributesHandlerCache", "initBinderCache", "modelAttributeCache");

	private static final List<Field> RESOLVER_CACHES = fields(ExceptionHandlerExceptionResolver.class,
			"exceptionHandlerCache");

	private HandlerTypeCaches() {
	}

	/**
	 * Remove the entries of the classes of a loader.
	 * @param classLoader the loader of a replaced generation
	 * @param adapters the application's handler adapters
	 * @param resolvers the application's exception handler resolvers
	 */
	static void evict(ClassLoader classLoader, Iterable<RequestMappingHandlerAdapter> adapters,
			Iterable<ExceptionHandlerExceptionResolver> resolvers) {
		adapters.forEach((adapter) -> evict(classLoader, adapter, ADAPTER_CACHES));
		resolvers.forEach((resolver) -> evict(classLoader, resolver, RESOLVER_CACHES));
	}

	private static void evict(ClassLoader classLoader, Object owner, List<Field> caches) {
		for (Field field : caches) {
			if (ReflectionUtils.getField(field, owner) instanceof Map<?, ?> cache) {
				cache.keySet().removeIf((key) -> key instanceof Class<?> type && type.getClassLoader() == classLoader);
			}
		}
	}

	private static List<Field> fields(Class<?> type, String... names) {
		return java.util.Arrays.stream(names)
			.map((name) -> field(type, name))
			.filter(java.util.Objects::nonNull)
			.toList();
	}

	private static @Nullable Field field(Class<?> type, String name) {
		Field field = ReflectionUtils.findField(type, name);
		if (field != null) {
			ReflectionUtils.makeAccessible(field);
		}
		return field;
	}

}
