package dev.hotreload.refresh;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.core.SmartClassLoader;
import org.springframework.util.Assert;

/**
 * Loads the classes of the project's class directories for one run of the application,
 * child-first; everything else (library jars, the JDK, hot reload itself) comes from the
 * base class loader. Each refresh creates a new one, so that every changed class applies
 * and the previous run's classes can be unloaded.
 */
public final class RefreshClassLoader extends URLClassLoader implements SmartClassLoader {

	static {
		registerAsParallelCapable();
	}

	private final int run;

	/**
	 * Create a loader.
	 * @param run the number of the application's run that this loader serves, 1 for the
	 * first
	 * @param classDirectories the URLs of the project's class directories
	 * @param parent the base class loader
	 */
	public RefreshClassLoader(int run, List<URL> classDirectories, ClassLoader parent) {
		super("hotreload refresh #" + run, classDirectories.toArray(URL[]::new), parent);
		Assert.notNull(parent, "'parent' must not be null");
		this.run = run;
	}

	/**
	 * Return the number of the run this loader serves.
	 * @return 1 for the first run, one more for each refresh
	 */
	public int run() {
		return this.run;
	}

	@Override
	protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
		synchronized (getClassLoadingLock(name)) {
			Class<?> loaded = findLoadedClass(name);
			if (loaded == null) {
				try {
					loaded = findClass(name);
				}
				catch (ClassNotFoundException ex) {
					loaded = Class.forName(name, false, getParent());
				}
			}
			if (resolve) {
				resolveClass(loaded);
			}
			return loaded;
		}
	}

	@Override
	public @Nullable URL getResource(String name) {
		URL resource = findResource(name);
		return (resource != null) ? resource : getParent().getResource(name);
	}

	// The base loader sees the same class directories: list each resource once, this
	// loader's copy first.
	@Override
	public Enumeration<URL> getResources(String name) throws IOException {
		Set<URL> resources = new LinkedHashSet<>(Collections.list(findResources(name)));
		resources.addAll(Collections.list(getParent().getResources(name)));
		return Collections.enumeration(resources);
	}

	@Override
	public boolean isClassReloadable(Class<?> type) {
		return type.getClassLoader() == this;
	}

	@Override
	public Class<?> publicDefineClass(String name, byte[] bytes, @Nullable ProtectionDomain protectionDomain) {
		return defineClass(name, bytes, 0, bytes.length, protectionDomain);
	}

}
