package dev.hotreload.refresh;

import java.lang.reflect.Modifier;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.ClassUtils;
import org.springframework.util.ConcurrentLruCache;
import org.springframework.util.ConcurrentReferenceHashMap;
import org.springframework.util.ReflectionUtils;

/**
 * Empties the static caches that libraries keep of the application's types and
 * environments, such as Spring Data's type information of entities and repositories, or
 * what the actuator decided for each environment: they would keep the classes of a run
 * that a refresh replaced, and so its class loader and its metaspace, until enough other
 * types pushed them out (LRU caches) or memory ran short (maps of soft references).
 * <p>
 * Only static fields holding a {@link ConcurrentLruCache} or a
 * {@link ConcurrentReferenceHashMap} are emptied: entries of those may vanish at any
 * time, so the code that owns them always copes with an empty one. Plain maps, which may
 * be registries, are left alone. A class that is missing (another version of the library,
 * or no such library) is skipped.
 */
final class StaticTypeCaches {

	private static final Log logger = LogFactory.getLog(StaticTypeCaches.class);

	// Spring Data 4 moved some of them from data.util to data.core; 3 has them in util.
	private static final List<String> CLASS_NAMES = List.of("org.springframework.data.core.ClassTypeInformation",
			"org.springframework.data.core.TypeDiscoverer", "org.springframework.data.core.NullableWrapperConverters",
			"org.springframework.data.core.ReactiveWrappers", "org.springframework.data.core.SimplePropertyPath",
			"org.springframework.data.util.ClassTypeInformation", "org.springframework.data.util.TypeDiscoverer",
			"org.springframework.data.util.NullableWrapperConverters", "org.springframework.data.util.ReactiveWrappers",
			"org.springframework.data.util.ProxyUtils", "org.springframework.data.mapping.PropertyPath",
			"org.springframework.data.repository.util.QueryExecutionConverters",
			"org.springframework.data.repository.query.ReturnedType",
			"org.springframework.data.repository.core.support.EventPublishingRepositoryProxyPostProcessor$EventPublishingMethod",
			"org.springframework.data.mapping.model.KotlinCopyMethod", "org.springframework.data.jdbc.support.JdbcUtil",
			"org.springframework.data.jpa.provider.PersistenceProvider",
			"org.springframework.boot.actuate.autoconfigure.endpoint.condition.OnAvailableEndpointCondition",
			// Whether messages*.properties exist, decided once per basename: a bundle
			// added since is found by the next run.
			"org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration$ResourceBundleCondition");

	private StaticTypeCaches() {
	}

	/**
	 * Empty the caches of every known class that is present.
	 */
	static void clear() {
		CLASS_NAMES.forEach(StaticTypeCaches::clear);
	}

	private static void clear(String className) {
		ClassLoader classLoader = StaticTypeCaches.class.getClassLoader();
		if (!ClassUtils.isPresent(className, classLoader)) {
			return;
		}
		try {
			Class<?> type = ClassUtils.forName(className, classLoader);
			ReflectionUtils.doWithLocalFields(type, (field) -> {
				if (Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
					ReflectionUtils.makeAccessible(field);
					Object value = field.get(null);
					if (value instanceof ConcurrentLruCache<?, ?> cache) {
						cache.clear();
					}
					else if (value instanceof ConcurrentReferenceHashMap<?, ?> cache) {
						cache.clear();
					}
				}
			});
		}
		catch (ReflectiveOperationException | LinkageError | RuntimeException ex) {
			logger.debug("Cannot empty the caches of " + className, ex);
		}
	}

}
