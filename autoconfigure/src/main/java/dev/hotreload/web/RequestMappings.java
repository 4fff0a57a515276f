package dev.hotreload.web;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.MethodIntrospector;
import org.springframework.util.Assert;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.handler.AbstractHandlerMethodMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The application's {@link RequestMappingHandlerMapping}, seen by a reload: which
 * mappings a bean has, which mappings a new class declares (found by the mapping's own
 * detection, {@code getMappingForMethod} through {@link MethodIntrospector}, so that path
 * prefixes, placeholders and the conditions of a customized subclass apply), and a way to
 * change several registrations without a request seeing the mapping half done.
 */
final class RequestMappings {

	private static final Log logger = LogFactory.getLog(RequestMappings.class);

	// Protected in Spring MVC: the detection it runs on each bean at startup, which a
	// reload runs again on the new class.
	private static final @Nullable Method GET_MAPPING_FOR_METHOD = accessible(ReflectionUtils
		.findMethod(RequestMappingHandlerMapping.class, "getMappingForMethod", Method.class, Class.class));

	private static final @Nullable Method IS_HANDLER = accessible(
			ReflectionUtils.findMethod(RequestMappingHandlerMapping.class, "isHandler", Class.class));

	private static final @Nullable Method GET_MAPPING_REGISTRY = accessible(
			ReflectionUtils.findMethod(AbstractHandlerMethodMapping.class, "getMappingRegistry"));

	private final RequestMappingHandlerMapping mapping;

	private final @Nullable Lock writeLock;

	RequestMappings(RequestMappingHandlerMapping mapping) {
		Assert.notNull(mapping, "'mapping' must not be null");
		this.mapping = mapping;
		this.writeLock = writeLockOf(mapping);
	}

	/**
	 * Tell whether Spring MVC can detect handler methods in the class and this mapping
	 * can be used to register them.
	 * @return whether the reflective entry points were found
	 */
	static boolean isSupported() {
		return GET_MAPPING_FOR_METHOD != null && IS_HANDLER != null;
	}

	RequestMappingHandlerMapping mapping() {
		return this.mapping;
	}

	/**
	 * Return the live mappings of a bean.
	 * @param beanName the bean's name, as the mapping registered it at startup
	 * @param handler the handler object a reload registered, or {@code null}
	 * @return the handler methods by mapping
	 */
	Map<RequestMappingInfo, HandlerMethod> mappingsOf(String beanName, @Nullable Object handler) {
		Map<RequestMappingInfo, HandlerMethod> mappings = new LinkedHashMap<>();
		this.mapping.getHandlerMethods().forEach((info, handlerMethod) -> {
			Object bean = handlerMethod.getBean();
			if ((bean instanceof String name) ? name.equals(beanName) : (bean == handler && handler != null)) {
				mappings.put(info, handlerMethod);
			}
		});
		return mappings;
	}

	/**
	 * Tell whether the mapping takes a class for a handler, as it decides for each bean
	 * at startup ({@code @Controller}).
	 * @param type a class
	 * @return whether it is a handler
	 */
	boolean isHandler(Class<?> type) {
		Assert.state(IS_HANDLER != null, "isHandler not found");
		return Boolean.TRUE.equals(ReflectionUtils.invokeMethod(IS_HANDLER, this.mapping, type));
	}

	/**
	 * Detect the handler methods of a class and their mappings, as the mapping does for
	 * each bean at startup.
	 * @param handlerType the class
	 * @return the mappings by invocable method
	 */
	Map<Method, RequestMappingInfo> detect(Class<?> handlerType) {
		Map<Method, RequestMappingInfo> methods = MethodIntrospector.selectMethods(handlerType,
				(MethodIntrospector.MetadataLookup<RequestMappingInfo>) (method) -> mappingFor(method, handlerType));
		Map<Method, RequestMappingInfo> invocable = new LinkedHashMap<>();
		methods.forEach((method, info) -> invocable.put(AopUtils.selectInvocableMethod(method, handlerType), info));
		return invocable;
	}

	private @Nullable RequestMappingInfo mappingFor(Method method, Class<?> handlerType) {
		Assert.state(GET_MAPPING_FOR_METHOD != null, "getMappingForMethod not found");
		try {
			return (RequestMappingInfo) GET_MAPPING_FOR_METHOD.invoke(this.mapping, method, handlerType);
		}
		catch (ReflectiveOperationException ex) {
			ReflectionUtils.handleReflectionException(ex);
			return null;
		}
	}

	void register(RequestMappingInfo info, Object handler, Method method) {
		this.mapping.registerMapping(info, handler, method);
	}

	void unregister(RequestMappingInfo info) {
		this.mapping.unregisterMapping(info);
	}

	/**
	 * Run several registrations as one: requests that look up a handler wait until they
	 * are done, instead of finding a mapping unregistered and not yet registered again.
	 * @param work the registrations
	 */
	void atomically(Runnable work) {
		Lock lock = this.writeLock;
		if (lock != null) {
			lock.lock();
		}
		try {
			work.run();
		}
		finally {
			if (lock != null) {
				lock.unlock();
			}
		}
	}

	// The registry's own read-write lock: lookups take its read lock, each registration
	// its (reentrant) write lock. Without it, the registrations are still made, one by
	// one.
	private static @Nullable Lock writeLockOf(RequestMappingHandlerMapping mapping) {
		try {
			if (GET_MAPPING_REGISTRY != null) {
				Object registry = GET_MAPPING_REGISTRY.invoke(mapping);
				Field field = ReflectionUtils.findField(registry.getClass(), "readWriteLock");
				if (field != null) {
					ReflectionUtils.makeAccessible(field);
					if (field.get(registry) instanceof ReadWriteLock lock) {
						return lock.writeLock();
					}
				}
			}
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			logger.debug("Mapping registry lock not found; mappings are changed one by one", ex);
		}
		return null;
	}

	private static @Nullable Method accessible(@Nullable Method method) {
		if (method != null) {
			ReflectionUtils.makeAccessible(method);
		}
		return method;
	}

}
