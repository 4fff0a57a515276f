package dev.hotreload.reload;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hotreload.AfterReload;

import org.springframework.util.ReflectionUtils;

/**
 * Runs the {@link AfterReload} methods of a new generation.
 */
final class AfterReloadMethods {

	private AfterReloadMethods() {
	}

	static void invoke(Object next, Object previous) throws Exception {
		for (Method method : find(next.getClass())) {
			ReflectionUtils.makeAccessible(method);
			try {
				if (method.getParameterCount() == 0) {
					method.invoke(next);
				}
				else {
					method.invoke(next, previous);
				}
			}
			catch (InvocationTargetException ex) {
				if (ex.getTargetException() instanceof Exception cause) {
					throw cause;
				}
				throw ex;
			}
		}
	}

	private static List<Method> find(Class<?> type) {
		Map<String, Method> methods = new LinkedHashMap<>();
		ReflectionUtils.doWithMethods(type, (method) -> {
			boolean valid = method.getParameterCount() == 0
					|| (method.getParameterCount() == 1 && method.getParameterTypes()[0] == Object.class);
			if (!valid) {
				throw new IllegalStateException("@AfterReload method " + method.getName() + " of " + type.getName()
						+ " must take no parameter or one parameter of type Object");
			}
			// The most specific declaration comes first; overridden ones are skipped.
			methods.putIfAbsent(method.getName() + method.getParameterCount(), method);
		}, (method) -> method.isAnnotationPresent(AfterReload.class));
		return new ArrayList<>(methods.values());
	}

}
