package dev.hotreload.classloading;

import java.security.ProtectionDomain;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.core.SmartClassLoader;
import org.springframework.util.Assert;

/**
 * Defines one generation of a reloadable class: child-first for the classes of its
 * {@link ClassFiles} snapshot (the class and its nested classes), except the nested
 * classes it shares with the application, parent-first for everything else. Each
 * generation gets a fresh loader, so an old generation can be unloaded once nothing
 * refers to it.
 */
public final class GenerationClassLoader extends ClassLoader implements SmartClassLoader {

	static {
		registerAsParallelCapable();
	}

	private final ClassFiles classFiles;

	private final @Nullable ProtectionDomain protectionDomain;

	private final Set<String> shared;

	/**
	 * Create a loader for one generation.
	 * @param name a name that tells the bean and the generation, for diagnostics
	 * @param classFiles the class files this loader defines itself
	 * @param parent the loader of the application's classes
	 * @param protectionDomain the protection domain of the original class
	 */
	public GenerationClassLoader(String name, ClassFiles classFiles, ClassLoader parent,
			@Nullable ProtectionDomain protectionDomain) {
		this(name, classFiles, Set.of(), parent, protectionDomain);
	}

	/**
	 * Create a loader for one generation that takes some nested classes from its parent
	 * instead of defining them (see {@link NestedClassSharing}).
	 * @param name a name that tells the bean and the generation, for diagnostics
	 * @param classFiles the class files this loader defines itself
	 * @param shared the binary names of the nested classes to take from the parent
	 * @param parent the loader of the application's classes
	 * @param protectionDomain the protection domain of the original class
	 */
	public GenerationClassLoader(String name, ClassFiles classFiles, Set<String> shared, ClassLoader parent,
			@Nullable ProtectionDomain protectionDomain) {
		super(name, parent);
		Assert.notNull(classFiles, "'classFiles' must not be null");
		Assert.notNull(shared, "'shared' must not be null");
		this.classFiles = classFiles;
		this.shared = Set.copyOf(shared);
		this.protectionDomain = protectionDomain;
	}

	@Override
	protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
		if (!owns(name)) {
			return super.loadClass(name, resolve);
		}
		synchronized (getClassLoadingLock(name)) {
			Class<?> loaded = findLoadedClass(name);
			if (loaded == null) {
				byte[] bytes = this.classFiles.bytes(name);
				if (bytes == null) {
					// A nested class of the old version that the new version no longer
					// has:
					// never fall back to the parent's copy, which belongs to the first
					// generation.
					throw new ClassNotFoundException(name + " is not part of " + getName());
				}
				loaded = defineClass(name, bytes, 0, bytes.length, this.protectionDomain);
			}
			if (resolve) {
				resolveClass(loaded);
			}
			return loaded;
		}
	}

	/**
	 * Tell whether this loader defines a class itself, in a runtime package of its own,
	 * rather than taking it from its parent.
	 * @param name the binary class name
	 * @return whether the class belongs to this generation
	 */
	public boolean defines(String name) {
		return owns(name);
	}

	private boolean owns(String name) {
		return ClassFiles.isSameOrNested(this.classFiles.className(), name) && !this.shared.contains(name);
	}

	@Override
	public boolean isClassReloadable(Class<?> clazz) {
		return clazz.getClassLoader() == this;
	}

}
