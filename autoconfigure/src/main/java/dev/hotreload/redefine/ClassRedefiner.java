package dev.hotreload.redefine;

import java.lang.instrument.ClassDefinition;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.hotreload.classloading.ClassPathDirectories;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Redefines loaded classes in place with {@link Instrumentation#redefineClasses}: every
 * existing object sees the new method bodies at once and keeps its identity and state. It
 * finds the live class objects of a class directory (those of the application's loader
 * and those of a bean's generation loader alike) and reads back the class file of what is
 * live, so that a new version can be compared with what really runs rather than with a
 * file that may have changed since. Given the class loader of the application's current
 * run, it leaves out the classes of earlier runs that a full refresh replaced and that
 * are still loaded: they no longer run, and their shape must not decide.
 */
public final class ClassRedefiner {

	private final Instrumentation instrumentation;

	private final @Nullable ClassLoader currentLoader;

	/**
	 * Create a redefiner that takes the classes of every class loader for live.
	 * @param instrumentation the JVM's instrumentation, able to redefine and retransform
	 */
	public ClassRedefiner(Instrumentation instrumentation) {
		this(instrumentation, null);
	}

	/**
	 * Create a redefiner that takes for live only the classes of the current run: those
	 * of its class loader and of the loaders below it (the beans' generation loaders).
	 * @param instrumentation the JVM's instrumentation, able to redefine and retransform
	 * @param currentLoader the class loader of the application's current run, or
	 * {@code null} to take the classes of every loader
	 */
	public ClassRedefiner(Instrumentation instrumentation, @Nullable ClassLoader currentLoader) {
		Assert.notNull(instrumentation, "'instrumentation' must not be null");
		this.instrumentation = instrumentation;
		this.currentLoader = currentLoader;
	}

	/**
	 * Find the loaded classes of the given names whose class files come from a class
	 * directory. A class can be live more than once, such as in the application's loader
	 * and a generation loader.
	 * @param directory the class directory
	 * @param classNames binary class names
	 * @return the live classes by class name, sorted; a class that was never loaded is
	 * absent
	 */
	public Map<String, List<Class<?>>> liveClasses(Path directory, Collection<String> classNames) {
		Assert.notNull(directory, "'directory' must not be null");
		Assert.notNull(classNames, "'classNames' must not be null");
		Path root = directory.toAbsolutePath().normalize();
		Set<String> wanted = Set.copyOf(classNames);
		Map<String, List<Class<?>>> result = new TreeMap<>();
		for (Class<?> type : this.instrumentation.getAllLoadedClasses()) {
			if (!type.isArray() && !type.isHidden() && wanted.contains(type.getName()) && root.equals(directoryOf(type))
					&& ofCurrentRun(type) && this.instrumentation.isModifiableClass(type)) {
				result.computeIfAbsent(type.getName(), (name) -> new ArrayList<>()).add(type);
			}
		}
		return result;
	}

	private boolean ofCurrentRun(Class<?> type) {
		if (this.currentLoader == null) {
			return true;
		}
		for (ClassLoader loader = type.getClassLoader(); loader != null; loader = loader.getParent()) {
			if (loader == this.currentLoader) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable Path directoryOf(Class<?> type) {
		ProtectionDomain domain = type.getProtectionDomain();
		CodeSource source = (domain != null) ? domain.getCodeSource() : null;
		return (source != null && source.getLocation() != null) ? ClassPathDirectories.toPath(source.getLocation())
				: null;
	}

	/**
	 * Read back the class files of live classes, as the JVM runs them now (after any
	 * earlier redefinition).
	 * @param classes the live classes
	 * @return their class files
	 * @throws UnmodifiableClassException if a class cannot be read back
	 */
	public Map<Class<?>, byte[]> liveClassFiles(Collection<Class<?>> classes) throws UnmodifiableClassException {
		Map<Class<?>, byte[]> captured = new IdentityHashMap<>();
		if (classes.isEmpty()) {
			return captured;
		}
		Set<Class<?>> wanted = Collections.newSetFromMap(new IdentityHashMap<>());
		wanted.addAll(classes);
		ClassFileTransformer capture = new ClassFileTransformer() {

			@Override
			public byte @Nullable [] transform(Module module, ClassLoader loader, String className,
					@Nullable Class<?> classBeingRedefined, ProtectionDomain protectionDomain, byte[] classFile) {
				if (classBeingRedefined != null && wanted.contains(classBeingRedefined)) {
					synchronized (captured) {
						captured.put(classBeingRedefined, classFile.clone());
					}
				}
				return null;
			}

		};
		// A retransformation hands every retransform-capable transformer the class file
		// of the live class; this one only copies it and changes nothing.
		this.instrumentation.addTransformer(capture, true);
		try {
			this.instrumentation.retransformClasses(classes.toArray(Class<?>[]::new));
		}
		finally {
			this.instrumentation.removeTransformer(capture);
		}
		for (Class<?> type : classes) {
			if (!captured.containsKey(type)) {
				throw new UnmodifiableClassException("The JVM did not hand back the class file of " + type.getName());
			}
		}
		return captured;
	}

	/**
	 * Compare new class files with the live classes of the same names: which can be
	 * redefined in place, which changed shape, which change code that runs only at
	 * startup, and which were never loaded.
	 * @param directory the class directory the new class files come from
	 * @param classFiles the new class files by binary class name
	 * @return the plan, one entry per class, sorted by class name
	 * @throws UnmodifiableClassException if a live class cannot be read back
	 */
	public RedefinitionPlan plan(Path directory, Map<String, byte[]> classFiles) throws UnmodifiableClassException {
		Assert.notNull(classFiles, "'classFiles' must not be null");
		Map<String, List<Class<?>>> live = liveClasses(directory, classFiles.keySet());
		List<Class<?>> all = new ArrayList<>();
		live.values().forEach(all::addAll);
		Map<Class<?>, byte[]> liveFiles = liveClassFiles(all);
		List<RedefinitionPlan.Entry> entries = new ArrayList<>();
		new TreeMap<>(classFiles).forEach((className, bytes) -> {
			List<Class<?>> classes = live.getOrDefault(className, List.of());
			ClassShape next = ClassShape.read(bytes);
			List<String> differences = new ArrayList<>();
			List<String> startupChanges = new ArrayList<>();
			for (Class<?> type : classes) {
				byte[] liveFile = liveFiles.get(type);
				Assert.state(liveFile != null, "Every live class was read back");
				List<String> shapeDifferences = ClassShape.read(liveFile).differencesTo(next);
				addNew(differences, shapeDifferences);
				if (shapeDifferences.isEmpty()) {
					addNew(startupChanges, StartupCode.read(liveFile).changesTo(StartupCode.read(bytes)));
				}
			}
			entries.add(new RedefinitionPlan.Entry(className, classes, bytes, differences, startupChanges));
		});
		return new RedefinitionPlan(entries);
	}

	private static void addNew(List<String> lines, List<String> more) {
		more.stream().filter((line) -> !lines.contains(line)).forEach(lines::add);
	}

	/**
	 * Redefine the classes of a plan whose shape is unchanged, all at once.
	 * @param plan the plan
	 * @return the names of the redefined classes
	 * @throws UnmodifiableClassException if a class cannot be modified
	 * @throws ClassNotFoundException if a class cannot be found
	 * @throws UnsupportedOperationException if the JVM refuses a change of shape
	 * @throws ClassFormatError if a class file is invalid
	 * @throws LinkageError (such as {@link VerifyError}) if a class file does not verify
	 */
	public List<String> apply(RedefinitionPlan plan) throws UnmodifiableClassException, ClassNotFoundException {
		Assert.notNull(plan, "'plan' must not be null");
		Map<Class<?>, byte[]> definitions = new LinkedHashMap<>();
		List<String> names = new ArrayList<>();
		for (RedefinitionPlan.Entry entry : plan.redefinable()) {
			entry.liveClasses().forEach((type) -> definitions.put(type, entry.classFile()));
			names.add(entry.className());
		}
		redefine(definitions);
		return names;
	}

	/**
	 * Redefine classes, all at once: the JVM applies either all definitions or none.
	 * @param definitions the new class file of each live class
	 * @throws UnmodifiableClassException if a class cannot be modified
	 * @throws ClassNotFoundException if a class cannot be found
	 * @throws UnsupportedOperationException if the JVM refuses a change of shape
	 * @throws ClassFormatError if a class file is invalid
	 * @throws LinkageError (such as {@link VerifyError}) if a class file does not verify
	 */
	public void redefine(Map<Class<?>, byte[]> definitions) throws UnmodifiableClassException, ClassNotFoundException {
		Assert.notNull(definitions, "'definitions' must not be null");
		if (definitions.isEmpty()) {
			return;
		}
		List<ClassDefinition> list = new ArrayList<>();
		new LinkedHashMap<>(definitions).forEach((type, bytes) -> list.add(new ClassDefinition(type, bytes)));
		this.instrumentation.redefineClasses(list.toArray(ClassDefinition[]::new));
	}

}
