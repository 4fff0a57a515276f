package dev.hotreload.linkage;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.hotreload.linkage.References.Kind;
import dev.hotreload.linkage.References.Reference;
import dev.hotreload.linkage.RunningClasses.Member;
import org.jspecify.annotations.Nullable;

import org.springframework.asm.ClassReader;
import org.springframework.asm.Type;
import org.springframework.util.Assert;

/**
 * Checks, before a new generation takes over, that it can reach what it uses of the
 * running classes. A generation is defined by a class loader of its own, so it runs in a
 * runtime package of its own, even with the package name of the application's classes: a
 * package-private class or member of those, or a protected one of a class the using class
 * does not extend, fails with an {@link IllegalAccessError} at every call.
 */
public final class AccessCheck {

	private static final String REMEDY = ", and a new generation runs in a runtime package of its own: make it "
			+ "public or reload the application with a refresh";

	private final ClassLoader runningClassLoader;

	/**
	 * Create a check.
	 * @param runningClassLoader the loader through which the new generation resolves the
	 * classes it does not define itself (the application's class loader)
	 */
	public AccessCheck(ClassLoader runningClassLoader) {
		Assert.notNull(runningClassLoader, "'runningClassLoader' must not be null");
		this.runningClassLoader = runningClassLoader;
	}

	/**
	 * Check what a new generation's class files use outside themselves for access.
	 * @param subject how the messages name the generation, such as
	 * {@code Greeter generation 2}
	 * @param classFiles the class files that the generation's loader defines, by binary
	 * class name
	 * @return one problem per class or member it cannot reach; empty if it reaches all
	 */
	public List<LinkageProblem> checkReferences(String subject, Map<String, byte[]> classFiles) {
		Assert.hasText(subject, "'subject' must not be empty");
		Assert.notNull(classFiles, "'classFiles' must not be null");
		Map<String, @Nullable String> ownSuperNames = new HashMap<>();
		classFiles.values().forEach((bytes) -> {
			ClassReader reader = new ClassReader(bytes);
			ownSuperNames.put(reader.getClassName(), reader.getSuperName());
		});
		RunningClasses running = new RunningClasses(this.runningClassLoader);
		Map<String, LinkageProblem> problems = new LinkedHashMap<>();
		for (byte[] bytes : classFiles.values()) {
			String user = new ClassReader(bytes).getClassName();
			for (Reference reference : References.of(bytes)) {
				if (ownSuperNames.containsKey(reference.owner())) {
					continue;
				}
				LinkageProblem problem = check(subject, user, reference, running, ownSuperNames);
				if (problem != null) {
					problems.putIfAbsent(problem.message(), problem);
				}
			}
		}
		return new ArrayList<>(problems.values());
	}

	private static @Nullable LinkageProblem check(String subject, String user, Reference reference,
			RunningClasses running, Map<String, @Nullable String> ownSuperNames) {
		String owner = reference.owner().replace('/', '.');
		Integer classAccess = running.classAccess(reference.owner());
		if (classAccess == null) {
			// A missing class is the linkage check's to report.
			return null;
		}
		if (!Modifier.isPublic(classAccess)) {
			return new LinkageProblem(owner, owner,
					subject + " uses class " + owner + ", which is package-private" + REMEDY);
		}
		Member member = switch (reference.kind()) {
			case CLASS -> null;
			case METHOD -> running.resolveMethod(reference.owner(), reference.name(), reference.descriptor());
			case FIELD -> running.resolveField(reference.owner(), reference.name(), reference.descriptor());
		};
		if (member == null || Modifier.isPublic(member.access())) {
			return null;
		}
		String why;
		if (Modifier.isProtected(member.access())) {
			if (isSubclass(user, member.declaringClass(), running, ownSuperNames)) {
				return null;
			}
			why = "protected and " + user.replace('/', '.') + " does not extend "
					+ member.declaringClass().replace('/', '.');
		}
		else {
			why = Modifier.isPrivate(member.access()) ? "private" : "package-private";
		}
		String description = describe(reference);
		return new LinkageProblem(owner, description,
				subject + " " + LinkageCheck.verb(reference) + " " + description + ", which is " + why + REMEDY);
	}

	private static boolean isSubclass(String user, String declaringClass, RunningClasses running,
			Map<String, @Nullable String> ownSuperNames) {
		Set<String> seen = new HashSet<>();
		String name = ownSuperNames.get(user);
		while (name != null && seen.add(name)) {
			if (name.equals(declaringClass)) {
				return true;
			}
			name = ownSuperNames.containsKey(name) ? ownSuperNames.get(name) : running.superName(name);
		}
		return false;
	}

	private static String describe(Reference reference) {
		String owner = reference.owner().replace('/', '.');
		if (reference.kind() == Kind.FIELD) {
			return owner + "." + reference.name();
		}
		String name = "<init>".equals(reference.name()) ? owner : owner + "." + reference.name();
		return name + LinkageCheck.parameters(Type.getArgumentTypes(reference.descriptor()));
	}

}
