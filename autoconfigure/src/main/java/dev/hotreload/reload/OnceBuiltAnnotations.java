package dev.hotreload.reload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotation.Adapt;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.MethodMetadata;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import org.springframework.util.Assert;

/**
 * Compares the annotations that Spring reads once per bean, such as
 * {@code @Transactional} or {@code @PreAuthorize}, between two versions of a class file:
 * the advice and metadata built from them stay with the bean's proxy, so a new generation
 * that changes them needs a refresh.
 */
final class OnceBuiltAnnotations {

	/**
	 * The fully qualified names of the annotations whose advice or metadata Spring builds
	 * once per bean, present directly or as meta-annotations.
	 */
	static final List<String> TYPES = List.of("org.springframework.security.access.prepost.PreAuthorize",
			"org.springframework.security.access.prepost.PostAuthorize",
			"org.springframework.security.access.prepost.PreFilter",
			"org.springframework.security.access.prepost.PostFilter",
			"org.springframework.security.access.annotation.Secured", "jakarta.annotation.security.RolesAllowed",
			"jakarta.annotation.security.PermitAll", "jakarta.annotation.security.DenyAll",
			"org.springframework.transaction.annotation.Transactional", "jakarta.transaction.Transactional",
			"org.springframework.cache.annotation.Cacheable", "org.springframework.cache.annotation.CachePut",
			"org.springframework.cache.annotation.CacheEvict", "org.springframework.cache.annotation.Caching",
			"org.springframework.cache.annotation.CacheConfig", "org.springframework.scheduling.annotation.Async",
			"org.springframework.scheduling.annotation.Scheduled",
			"org.springframework.scheduling.annotation.Schedules",
			"org.springframework.validation.annotation.Validated", "org.springframework.context.event.EventListener",
			"org.springframework.transaction.event.TransactionalEventListener",
			"org.springframework.retry.annotation.Retryable", "org.springframework.resilience.annotation.Retryable",
			"org.springframework.resilience.annotation.ConcurrencyLimit");

	private static final String REASON = ": Spring builds its advice once per bean; only a refresh applies it";

	private final SimpleMetadataReaderFactory readers;

	/**
	 * Create a comparison.
	 * @param classLoader the loader of the running classes, which resolves the annotation
	 * types; one it cannot resolve is ignored, as Spring cannot act on it either
	 */
	OnceBuiltAnnotations(ClassLoader classLoader) {
		Assert.notNull(classLoader, "'classLoader' must not be null");
		this.readers = new SimpleMetadataReaderFactory(classLoader);
	}

	/**
	 * Compare two versions of a class.
	 * @param previous the class file that the running advice was built from
	 * @param next the class file of the new generation
	 * @return one message per annotation added, removed or changed on the class or on one
	 * of its methods; empty if none did
	 */
	List<String> changes(byte[] previous, byte[] next) {
		Assert.notNull(previous, "'previous' must not be null");
		Assert.notNull(next, "'next' must not be null");
		AnnotationMetadata before = read(previous);
		AnnotationMetadata after = read(next);
		List<String> changes = new ArrayList<>();
		String className = before.getClassName();
		compare("class " + className.substring(className.lastIndexOf('.') + 1),
				List.of(described(before.getAnnotations())), List.of(described(after.getAnnotations())), changes);
		Map<String, List<Map<String, List<Object>>>> methodsBefore = methods(before);
		Map<String, List<Map<String, List<Object>>>> methodsAfter = methods(after);
		Set<String> names = new TreeSet<>(methodsBefore.keySet());
		names.addAll(methodsAfter.keySet());
		for (String name : names) {
			compare("method " + name + "()", methodsBefore.getOrDefault(name, List.of()),
					methodsAfter.getOrDefault(name, List.of()), changes);
		}
		return changes;
	}

	private AnnotationMetadata read(byte[] bytes) {
		try {
			return this.readers.getMetadataReader(new ByteArrayResource(bytes)).getAnnotationMetadata();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// Overloads share a name and their parameter types are not in the metadata: their
	// annotations are compared as a list in declaration order.
	private static Map<String, List<Map<String, List<Object>>>> methods(AnnotationMetadata metadata) {
		Map<String, List<Map<String, List<Object>>>> methods = new LinkedHashMap<>();
		for (MethodMetadata method : metadata.getDeclaredMethods()) {
			Map<String, List<Object>> described = described(method.getAnnotations());
			if (!described.isEmpty()) {
				methods.computeIfAbsent(method.getMethodName(), (name) -> new ArrayList<>()).add(described);
			}
		}
		return methods;
	}

	private static void compare(String element, List<Map<String, List<Object>>> before,
			List<Map<String, List<Object>>> after, List<String> changes) {
		for (String type : TYPES) {
			List<List<Object>> previous = occurrences(before, type);
			List<List<Object>> next = occurrences(after, type);
			if (!previous.equals(next)) {
				String change = previous.isEmpty() ? "added" : (next.isEmpty() ? "removed" : "changed");
				changes.add("@" + type.substring(type.lastIndexOf('.') + 1) + " on " + element + " " + change + REASON);
			}
		}
	}

	private static List<List<Object>> occurrences(List<Map<String, List<Object>>> described, String type) {
		return described.stream()
			.map((annotations) -> annotations.getOrDefault(type, List.of()))
			.filter((occurrences) -> !occurrences.isEmpty())
			.toList();
	}

	// Each of the types present maps to the attributes of its occurrences, with class
	// names for classes and lists for arrays, so that they compare by value.
	private static Map<String, List<Object>> described(MergedAnnotations annotations) {
		Map<String, List<Object>> described = new TreeMap<>();
		for (String type : TYPES) {
			List<Object> occurrences = annotations.stream(type)
				.map((annotation) -> comparable(annotation.asMap(Adapt.CLASS_TO_STRING, Adapt.ANNOTATION_TO_MAP)))
				.toList();
			if (!occurrences.isEmpty()) {
				described.put(type, occurrences);
			}
		}
		return described;
	}

	private static Object comparable(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<Object, Object> comparable = new TreeMap<>();
			map.forEach((key, entry) -> comparable.put(key, comparable(entry)));
			return comparable;
		}
		if (value.getClass().isArray()) {
			List<Object> comparable = new ArrayList<>();
			for (int i = 0; i < Array.getLength(value); i++) {
				comparable.add(comparable(Array.get(value, i)));
			}
			return comparable;
		}
		if (value instanceof MergedAnnotation<?> annotation) {
			return comparable(annotation.asMap(Adapt.CLASS_TO_STRING, Adapt.ANNOTATION_TO_MAP));
		}
		return value;
	}

}
