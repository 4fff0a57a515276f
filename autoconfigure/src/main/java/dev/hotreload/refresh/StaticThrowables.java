package dev.hotreload.refresh;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Fills anew, on a stack that holds none of the project's classes, the stack traces of
 * the exceptions that libraries create once, in a static initializer, and keep for the
 * JVM's life: created while a run of the application was on the stack, their traces would
 * keep that run's classes, and so its class loader, reachable for good.
 * <p>
 * CGLIB's {@code ClassNameReader.EARLY_EXIT} and H2's out-of-memory exceptions are such
 * exceptions. A class that is missing is skipped; one that is present is initialized
 * here, so that its exceptions are created on this stack in the first place.
 */
final class StaticThrowables {

	private static final Log logger = LogFactory.getLog(StaticThrowables.class);

	private static final List<String> FIELDS = List.of("org.springframework.cglib.core.ClassNameReader#EARLY_EXIT",
			"org.h2.message.DbException#SQL_OOME", "org.h2.message.DbException#OOME",
			"org.h2.message.TraceObject#SQL_OOME");

	private StaticThrowables() {
	}

	/**
	 * Fill the stack traces of the known static exceptions, and of their causes, anew on
	 * the calling thread, whose stack must hold no class of a run.
	 * @param classLoader the loader of the libraries
	 */
	static void refill(ClassLoader classLoader) {
		for (String entry : FIELDS) {
			String className = entry.substring(0, entry.indexOf('#'));
			String fieldName = entry.substring(entry.indexOf('#') + 1);
			if (!ClassUtils.isPresent(className, classLoader)) {
				continue;
			}
			try {
				Class<?> type = Class.forName(className, true, classLoader);
				Field field = ReflectionUtils.findField(type, fieldName);
				if (field != null && Modifier.isStatic(field.getModifiers())) {
					ReflectionUtils.makeAccessible(field);
					if (field.get(null) instanceof Throwable throwable) {
						refill(throwable);
					}
				}
			}
			catch (ReflectiveOperationException | LinkageError | RuntimeException ex) {
				logger.debug("Cannot fill the stack trace of " + entry + " anew", ex);
			}
		}
	}

	private static void refill(Throwable throwable) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Throwable current = throwable;
		while (current != null && seen.add(current)) {
			current.fillInStackTrace();
			for (Throwable suppressed : current.getSuppressed()) {
				suppressed.fillInStackTrace();
			}
			current = current.getCause();
		}
	}

}
