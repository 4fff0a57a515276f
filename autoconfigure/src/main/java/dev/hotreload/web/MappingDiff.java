package dev.hotreload.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.condition.MediaTypeExpression;
import org.springframework.web.servlet.mvc.condition.NameValueExpression;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/**
 * What a reload changes in the request mappings of a controller.
 *
 * @param added mappings that the new class has and the live one did not
 * @param removed mappings that the live class had and the new one does not
 * @param changed mappings of both whose handler method changed: its name, parameters,
 * parameter annotations or return type
 */
record MappingDiff(List<String> added, List<String> removed, List<String> changed) {

	MappingDiff {
		added = List.copyOf(added);
		removed = List.copyOf(removed);
		changed = List.copyOf(changed);
	}

	/**
	 * Compare the live mappings of a bean with those of its new class.
	 * @param live the live handler methods by mapping
	 * @param next the new class's mappings by handler method
	 * @return the difference
	 */
	static MappingDiff between(Map<RequestMappingInfo, Method> live, Map<Method, RequestMappingInfo> next) {
		Set<String> added = new TreeSet<>();
		Set<String> changed = new TreeSet<>();
		Set<RequestMappingInfo> kept = new java.util.HashSet<>();
		next.forEach((method, info) -> {
			Method before = live.get(info);
			if (before == null) {
				added.add(describe(info));
				return;
			}
			kept.add(info);
			if (!signature(before).equals(signature(method))) {
				changed.add(describe(info));
			}
		});
		Set<String> removed = new TreeSet<>();
		live.keySet().stream().filter((info) -> !kept.contains(info)).forEach((info) -> removed.add(describe(info)));
		return new MappingDiff(new ArrayList<>(added), new ArrayList<>(removed), new ArrayList<>(changed));
	}

	/**
	 * Describe a mapping as a developer writes it: the HTTP methods and the paths, then
	 * the conditions that narrow it, such as {@code GET /owners/{id} [params: form,
	 * produces: text/html]}.
	 * @param info the mapping
	 * @return the description
	 */
	static String describe(RequestMappingInfo info) {
		StringBuilder description = new StringBuilder();
		Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
		if (!methods.isEmpty()) {
			description.append(methods.stream().map(Enum::name).sorted().collect(Collectors.joining(","))).append(' ');
		}
		description.append(String.join(" || ", new TreeSet<>(info.getPatternValues())));
		List<String> conditions = new ArrayList<>();
		addCondition(conditions, "params", names(info.getParamsCondition().getExpressions()));
		addCondition(conditions, "headers", names(info.getHeadersCondition().getExpressions()));
		addCondition(conditions, "consumes", mediaTypes(info.getConsumesCondition().getExpressions()));
		addCondition(conditions, "produces", mediaTypes(info.getProducesCondition().getExpressions()));
		if (!conditions.isEmpty()) {
			description.append(" [").append(String.join(", ", conditions)).append(']');
		}
		return description.toString();
	}

	private static void addCondition(List<String> conditions, String name, Collection<String> values) {
		if (!values.isEmpty()) {
			conditions.add(name + ": " + String.join(" ", values));
		}
	}

	private static Collection<String> names(Collection<? extends NameValueExpression<?>> expressions) {
		return expressions.stream().map(Objects::toString).sorted().toList();
	}

	private static Collection<String> mediaTypes(Collection<? extends MediaTypeExpression> expressions) {
		return expressions.stream().map(Objects::toString).sorted().toList();
	}

	// Compared by name, since the two methods come from classes of different loaders.
	private static String signature(Method method) {
		return method.getName() + Arrays.toString(method.getGenericParameterTypes())
				+ Arrays.deepToString(method.getParameterAnnotations()) + method.getGenericReturnType();
	}

}
