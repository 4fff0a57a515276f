package dev.hotreload.reload;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.hotreload.classloading.ClassFiles;
import dev.hotreload.classloading.GenerationClassLoader;
import dev.hotreload.linkage.AccessCheck;
import dev.hotreload.linkage.LinkageCheck;
import dev.hotreload.linkage.LinkageProblem;
import dev.hotreload.refresh.PendingRefresh;
import dev.hotreload.refresh.PendingRefresh.PendingClass;

import org.springframework.util.Assert;

/**
 * The linkage check that every new generation passes before it takes over: what its
 * classes use must exist in the running classes and be reachable from the generation's
 * own runtime package, the methods its proxy exposes must remain, and the annotations
 * Spring builds advice from once per bean must not change. A class that waits for a
 * refresh runs in its old version, so the messages give its reason, such as
 * {@code Owner changed shape: method getFullName() added}.
 */
final class GenerationLinkage {

	private final PendingRefresh pendingRefresh;

	GenerationLinkage(PendingRefresh pendingRefresh) {
		Assert.notNull(pendingRefresh, "'pendingRefresh' must not be null");
		this.pendingRefresh = pendingRefresh;
	}

	/**
	 * Check a new generation.
	 * @param bean the bean
	 * @param files the class files of the new generation
	 * @param candidate the new generation's class, loaded and not initialized
	 * @param generation the number the new generation would get
	 * @param followedByCaller tells the methods of the bean whose caller follows the new
	 * class, which the new class may remove or change
	 * @return one message per missing class or member; empty if it can take over
	 */
	List<String> problems(ReloadableBean bean, ClassFiles files, Class<?> candidate, int generation,
			Predicate<Method> followedByCaller) {
		String subject = simpleName(bean.className()) + " generation " + generation;
		Map<String, byte[]> classFiles = new LinkedHashMap<>();
		for (String className : files.classNames()) {
			byte[] bytes = files.bytes(className);
			if (bytes != null) {
				classFiles.put(className, bytes);
			}
		}
		Map<String, String> notApplied = new HashMap<>();
		for (PendingClass pending : this.pendingRefresh.classes()) {
			notApplied.put(pending.className(), simpleName(pending.className()) + " " + pending.reason());
		}
		ClassLoader running = bean.originalClass().getClassLoader();
		List<LinkageProblem> problems = new ArrayList<>();
		if (running != null) {
			problems.addAll(new LinkageCheck(running).checkReferences(subject, classFiles, notApplied));
			problems.addAll(new AccessCheck(running).checkReferences(subject, definedBy(candidate, classFiles)));
		}
		problems.addAll(LinkageCheck.checkProxiedMethods(subject, bean.originalClass(), candidate, followedByCaller));
		List<String> messages = new ArrayList<>(problems.stream().map(LinkageProblem::message).toList());
		byte[] original = bean.originalFiles().bytes(bean.className());
		byte[] next = files.bytes(bean.className());
		if (running != null && original != null && next != null) {
			// The proxy's advice was built from the first generation's annotations.
			messages.addAll(new OnceBuiltAnnotations(running).changes(original, next));
		}
		return messages;
	}

	// The nested classes a generation shares come from the application's loader: they
	// run in the application's runtime package.
	private static Map<String, byte[]> definedBy(Class<?> candidate, Map<String, byte[]> classFiles) {
		if (!(candidate.getClassLoader() instanceof GenerationClassLoader loader)) {
			return classFiles;
		}
		Map<String, byte[]> defined = new LinkedHashMap<>(classFiles);
		defined.keySet().removeIf((className) -> !loader.defines(className));
		return defined;
	}

	private static String simpleName(String className) {
		return className.substring(className.lastIndexOf('.') + 1);
	}

}
