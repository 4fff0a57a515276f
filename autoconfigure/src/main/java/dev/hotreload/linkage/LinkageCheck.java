package dev.hotreload.linkage;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.hotreload.linkage.References.Kind;
import dev.hotreload.linkage.References.Reference;

import org.springframework.asm.Type;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Checks, before a new generation takes over, that it can run against the classes that
 * run: that every class, method, constructor and field its class files use outside
 * themselves exists with that descriptor, and that the new class still has every method
 * that callers reach through the bean's proxy. A generation that fails the check would
 * fail with a {@link NoSuchMethodError} or a missing method at its first call, maybe
 * halfway through an action, so it must not take over.
 */
public final class LinkageCheck {

	private final ClassLoader runningClassLoader;

	/**
	 * Create a check.
	 * @param runningClassLoader the loader through which the new generation resolves the
	 * classes it does not define itself (the application's class loader)
	 */
	public LinkageCheck(ClassLoader runningClassLoader) {
		Assert.notNull(runningClassLoader, "'runningClassLoader' must not be null");
		this.runningClassLoader = runningClassLoader;
	}

	/**
	 * Check what a new generation's class files use outside themselves.
	 * @param subject how the messages name the generation, such as
	 * {@code OwnerController generation 14}
	 * @param classFiles the class files of the new generation by binary class name
	 * @param notApplied why a class that changed in the same batch does not run in its
	 * new version, by binary class name, such as {@code Owner changed shape}
	 * @return one problem per missing class or member; empty if the generation can run
	 */
	public List<LinkageProblem> checkReferences(String subject, Map<String, byte[]> classFiles,
			Map<String, String> notApplied) {
		Assert.hasText(subject, "'subject' must not be empty");
		Assert.notNull(classFiles, "'classFiles' must not be null");
		Assert.notNull(notApplied, "'notApplied' must not be null");
		Set<String> own = classFiles.keySet()
			.stream()
			.map((name) -> name.replace('.', '/'))
			.collect(Collectors.toSet());
		Set<Reference> references = new LinkedHashSet<>();
		classFiles.values().forEach((bytes) -> references.addAll(References.of(bytes)));
		RunningClasses running = new RunningClasses(this.runningClassLoader);
		List<LinkageProblem> problems = new ArrayList<>();
		Set<String> missingClasses = new LinkedHashSet<>();
		for (Reference reference : references) {
			if (own.contains(reference.owner())) {
				continue;
			}
			String owner = reference.owner().replace('/', '.');
			String reason = notApplied.get(owner);
			String suffix = (reason != null) ? ": " + reason : "";
			if (!running.exists(reference.owner())) {
				if (missingClasses.add(owner)) {
					problems.add(new LinkageProblem(owner, owner, subject + " uses class " + owner
							+ ", which the running application does not have" + suffix));
				}
				continue;
			}
			String member = describe(reference);
			if (!exists(running, reference)) {
				problems.add(new LinkageProblem(owner, member, subject + " " + verb(reference) + " " + member
						+ ", which the running " + simpleName(owner) + " does not have" + suffix));
			}
		}
		return problems;
	}

	/**
	 * Check that a new generation's class still has every method that callers reach
	 * through the bean's proxy, with the same parameter types and a compatible return
	 * type, as the proxy looks it up.
	 * @param subject how the messages name the generation
	 * @param originalClass the bean's class when the context created it, which the proxy
	 * extends
	 * @param candidate the new generation's class
	 * @return one problem per missing method; empty if every method is there
	 */
	public static List<LinkageProblem> checkProxiedMethods(String subject, Class<?> originalClass, Class<?> candidate) {
		return checkProxiedMethods(subject, originalClass, candidate, (method) -> false);
	}

	/**
	 * Check that a new generation's class still has every method that callers reach
	 * through the bean's proxy, except those whose only caller follows the new class
	 * itself (such as the handler methods of a controller, which Spring MVC registers
	 * anew at each reload).
	 * @param subject how the messages name the generation
	 * @param originalClass the bean's class when the context created it, which the proxy
	 * extends
	 * @param candidate the new generation's class
	 * @param followedByCaller tells the methods of the original class whose caller
	 * follows the new class
	 * @return one problem per missing method; empty if every method is there
	 */
	public static List<LinkageProblem> checkProxiedMethods(String subject, Class<?> originalClass, Class<?> candidate,
			Predicate<Method> followedByCaller) {
		Assert.hasText(subject, "'subject' must not be empty");
		Assert.notNull(originalClass, "'originalClass' must not be null");
		Assert.notNull(candidate, "'candidate' must not be null");
		List<LinkageProblem> problems = new ArrayList<>();
		for (Method method : proxiedMethods(originalClass)) {
			if (followedByCaller.test(method)) {
				continue;
			}
			List<Method> found = sameParameters(candidate, method);
			String description = simpleName(originalClass.getName()) + "." + method.getName()
					+ parameters(method.getParameterTypes());
			if (found.isEmpty()) {
				problems.add(new LinkageProblem(originalClass.getName(), description,
						subject + " no longer has " + description
								+ ", which callers reach through the bean's proxy: it was removed or its "
								+ "parameters changed"));
			}
			else if (found.stream().noneMatch((candidateMethod) -> returnsCompatibly(method, candidateMethod))) {
				problems.add(new LinkageProblem(originalClass.getName(), description,
						subject + " changed the return type of " + description + " from "
								+ method.getReturnType().getTypeName() + " to "
								+ found.get(0).getReturnType().getTypeName()
								+ ", which callers reach through the bean's proxy"));
			}
		}
		return problems;
	}

	// The methods the proxy dispatches: a CGLIB proxy those it can override, a JDK
	// proxy (of a final class) those of the interfaces.
	private static Set<Method> proxiedMethods(Class<?> originalClass) {
		Set<Method> methods = new LinkedHashSet<>();
		if (Modifier.isFinal(originalClass.getModifiers())) {
			for (Class<?> type : ClassUtils.getAllInterfacesForClassAsSet(originalClass)) {
				Arrays.stream(type.getMethods())
					.filter((method) -> !Modifier.isStatic(method.getModifiers()))
					.forEach(methods::add);
			}
			return methods;
		}
		for (Method method : ReflectionUtils.getUniqueDeclaredMethods(originalClass)) {
			int modifiers = method.getModifiers();
			if (method.getDeclaringClass() != Object.class && !Modifier.isPrivate(modifiers)
					&& !Modifier.isStatic(modifiers) && !Modifier.isFinal(modifiers) && !method.isSynthetic()) {
				methods.add(method);
			}
		}
		return methods;
	}

	// The methods the proxy could dispatch a call to: by name and parameter types,
	// bridge methods of generic interfaces included. The bean's own nested classes are
	// new classes of the same names in every generation, and cross generations only by
	// name (see the limitations), so types are compared by name.
	private static List<Method> sameParameters(Class<?> candidate, Method method) {
		List<Method> found = new ArrayList<>();
		for (Method declared : ReflectionUtils.getAllDeclaredMethods(candidate)) {
			if (declared.getName().equals(method.getName())
					&& Arrays.equals(names(declared.getParameterTypes()), names(method.getParameterTypes()))
					&& !Modifier.isStatic(declared.getModifiers())) {
				found.add(declared);
			}
		}
		return found;
	}

	private static String[] names(Class<?>[] types) {
		return Arrays.stream(types).map(Class::getName).toArray(String[]::new);
	}

	private static boolean returnsCompatibly(Method original, Method found) {
		Class<?> expected = original.getReturnType();
		Class<?> actual = found.getReturnType();
		if (expected.isPrimitive() || actual.isPrimitive()) {
			return expected == actual;
		}
		return expected.isAssignableFrom(actual) || expected.getName().equals(actual.getName());
	}

	private static boolean exists(RunningClasses running, Reference reference) {
		return switch (reference.kind()) {
			case CLASS -> true;
			case METHOD -> running.hasMethod(reference.owner(), reference.name(), reference.descriptor());
			case FIELD -> running.hasField(reference.owner(), reference.name(), reference.descriptor());
		};
	}

	static String verb(Reference reference) {
		if (reference.kind() == Kind.FIELD) {
			return "uses field";
		}
		return "<init>".equals(reference.name()) ? "calls constructor" : "calls";
	}

	private static String describe(Reference reference) {
		String owner = simpleName(reference.owner().replace('/', '.'));
		return switch (reference.kind()) {
			case CLASS -> owner;
			case FIELD -> owner + "." + reference.name();
			case METHOD -> ("<init>".equals(reference.name()) ? owner : owner + "." + reference.name())
					+ parameters(Type.getArgumentTypes(reference.descriptor()));
		};
	}

	static String parameters(Type[] types) {
		return Arrays.stream(types)
			.map((type) -> simpleName(type.getClassName()))
			.collect(Collectors.joining(", ", "(", ")"));
	}

	private static String parameters(Class<?>[] types) {
		return Arrays.stream(types)
			.map((type) -> simpleName(type.getTypeName()))
			.collect(Collectors.joining(", ", "(", ")"));
	}

	private static String simpleName(String className) {
		return className.substring(className.lastIndexOf('.') + 1);
	}

}
