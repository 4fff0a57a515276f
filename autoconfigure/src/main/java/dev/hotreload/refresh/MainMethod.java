package dev.hotreload.refresh;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Finds the class whose {@code public static void main(String[])} a thread runs: the
 * outermost {@code main} frame of its stack.
 */
final class MainMethod {

	private MainMethod() {
	}

	/**
	 * Find the main class of a thread.
	 * @param thread the thread, usually the JVM's main thread
	 * @return the binary name of the class declaring the {@code main} method the thread
	 * runs, or {@code null} if it runs none
	 */
	static @Nullable String mainClassName(Thread thread) {
		StackTraceElement[] stack = thread.getStackTrace();
		for (int i = stack.length - 1; i >= 0; i--) {
			StackTraceElement element = stack[i];
			if ("main".equals(element.getMethodName()) && isMainMethod(element.getClassName())) {
				return element.getClassName();
			}
		}
		return null;
	}

	private static boolean isMainMethod(String className) {
		try {
			Class<?> type = ClassUtils.forName(className, Thread.currentThread().getContextClassLoader());
			Method main = type.getDeclaredMethod("main", String[].class);
			return Modifier.isStatic(main.getModifiers()) && main.getReturnType() == void.class;
		}
		catch (ReflectiveOperationException | LinkageError ex) {
			return false;
		}
	}

}
