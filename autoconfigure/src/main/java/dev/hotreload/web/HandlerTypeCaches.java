package dev.hotreload.web;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.core.MethodParameter;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.method.support.HandlerMethodArgumentResolverComposite;
import org.springframework.web.method.support.HandlerMethodReturnValueHandlerComposite;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Forgets what Spring MVC cached for the classes of a replaced generation. The handler
 * adapter and the exception resolver cache the {@code @InitBinder},
 * {@code @ModelAttribute}, {@code @SessionAttributes} and {@code @ExceptionHandler}
 * methods per handler type, and their argument resolvers and return value handlers cache
 * what they found per handler type or method parameter. Each generation is registered
 * with a handler of its own class, so these caches never serve a stale method; but they
 * would keep the replaced generation's classes, and so its class loader, reachable.
 * Spring MVC offers no way to evict one entry, so the maps named {@code ...Cache} of
 * these objects are cleaned of the keys that belong to the replaced generation.
 */
final class HandlerTypeCaches {

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
		List<Object> owners = new ArrayList<>();
		adapters.forEach((adapter) -> addWithParts(owners, adapter));
		resolvers.forEach((resolver) -> addWithParts(owners, resolver));
		owners.forEach((owner) -> evictKeys(classLoader, owner));
	}

	// The owner, and the argument resolvers and return value handlers it composes.
	private static void addWithParts(List<Object> owners, Object owner) {
		owners.add(owner);
		ReflectionUtils.doWithFields(owner.getClass(), (field) -> {
			ReflectionUtils.makeAccessible(field);
			Object value = field.get(owner);
			if (value instanceof HandlerMethodArgumentResolverComposite composite) {
				owners.add(composite);
				owners.addAll(composite.getResolvers());
			}
			else if (value instanceof HandlerMethodReturnValueHandlerComposite composite) {
				owners.add(composite);
				owners.addAll(composite.getHandlers());
			}
		}, (field) -> !Modifier.isStatic(field.getModifiers()));
	}

	private static void evictKeys(ClassLoader classLoader, Object owner) {
		ReflectionUtils.doWithFields(owner.getClass(), (field) -> {
			ReflectionUtils.makeAccessible(field);
			if (field.get(owner) instanceof Map<?, ?> cache) {
				cache.keySet().removeIf((key) -> definedBy(classLoader, key));
			}
		}, HandlerTypeCaches::isCache);
	}

	private static boolean isCache(Field field) {
		return !Modifier.isStatic(field.getModifiers()) && Map.class.isAssignableFrom(field.getType())
				&& field.getName().endsWith("Cache")
				&& field.getDeclaringClass().getName().startsWith("org.springframework.");
	}

	private static boolean definedBy(ClassLoader classLoader, Object key) {
		Class<?> type = null;
		if (key instanceof Class<?> keyType) {
			type = keyType;
		}
		else if (key instanceof MethodParameter parameter) {
			type = parameter.getDeclaringClass();
		}
		else if (key instanceof Method method) {
			type = method.getDeclaringClass();
		}
		return type != null && type.getClassLoader() == classLoader;
	}

}
