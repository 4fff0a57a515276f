package dev.hotreload.refresh;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.hotreload.classloading.ClassFileVersion;
import dev.hotreload.classloading.DefinedClassBytes;
import org.jspecify.annotations.Nullable;

import org.springframework.core.SmartClassLoader;
import org.springframework.util.Assert;

/**
 * Loads the classes of the project's class directories for one run of the application,
 * child-first; everything else (library jars, the JDK, hot reload itself) comes from the
 * base class loader. Each refresh creates a new one, so that every changed class applies
 * and the previous run's classes can be unloaded. It remembers the bytes each class was
 * defined from: a class file written after its class was loaded, and before the run's
 * watcher attached, is then still seen as a change. It remembers the classes it failed to
 * define too (a class file compiled for a newer Java, say), since the classes that used
 * them keep that failure for the rest of the run.
 */
public final class RefreshClassLoader extends URLClassLoader implements SmartClassLoader, DefinedClassBytes {

	static {
		registerAsParallelCapable();
	}

	private final int run;

	private final List<URL> classDirectories;

	private final Map<String, byte[]> definedBytes = new ConcurrentHashMap<>();

	private final Map<String, String> definitionFailures = new ConcurrentHashMap<>();

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
		this.classDirectories = List.copyOf(classDirectories);
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
				// Most names a run loads are the libraries': looking for the file first
				// spares a ClassNotFoundException, and its stack trace, for each of them.
				URL resource = findResource(classFile(name));
				loaded = (resource != null) ? define(name, resource) : fromParent(name);
			}
			if (resolve) {
				resolveClass(loaded);
			}
			return loaded;
		}
	}

	// The base loader sees the project's class directories too: a project class it would
	// load now (its file is missing for this loader, a build is rewriting it) would mix
	// two copies of the project's classes, the base loader's for the JVM's life.
	private Class<?> fromParent(String name) throws ClassNotFoundException {
		Class<?> loaded = Class.forName(name, false, getParent());
		CodeSource source = loaded.getProtectionDomain().getCodeSource();
		if (source != null && source.getLocation() != null && this.classDirectories.stream()
			.anyMatch((directory) -> directory.toString().equals(source.getLocation().toString()))) {
			throw new ClassNotFoundException("The class file of " + name + " is missing from " + source.getLocation()
					+ " (a build may be writing it)");
		}
		return loaded;
	}

	@Override
	protected Class<?> findClass(String name) throws ClassNotFoundException {
		URL resource = findResource(classFile(name));
		if (resource == null) {
			throw new ClassNotFoundException(name);
		}
		return define(name, resource);
	}

	private static String classFile(String className) {
		return className.replace('.', '/') + ".class";
	}

	// Read once and defined from what was read, so that the bytes remembered are the
	// bytes that run even when the file is rewritten meanwhile.
	private Class<?> define(String name, URL resource) throws ClassNotFoundException {
		String path = classFile(name);
		byte[] bytes;
		try (InputStream in = resource.openStream()) {
			bytes = in.readAllBytes();
		}
		catch (IOException ex) {
			throw new ClassNotFoundException(name, ex);
		}
		definePackageOf(name);
		Class<?> type;
		try {
			// A class file of a newer Java fails with a message that names the fix.
			ClassFileVersion.check(path, bytes);
			type = defineClass(name, bytes, 0, bytes.length, codeSource(resource));
		}
		catch (LinkageError ex) {
			this.definitionFailures.put(name, ex.getClass().getSimpleName() + ": " + ex.getMessage());
			throw ex;
		}
		this.definedBytes.put(name, bytes);
		return type;
	}

	private void definePackageOf(String className) {
		int lastDot = className.lastIndexOf('.');
		if (lastDot != -1) {
			String packageName = className.substring(0, lastDot);
			if (getDefinedPackage(packageName) == null) {
				try {
					definePackage(packageName, null, null, null, null, null, null, null);
				}
				catch (IllegalArgumentException ex) {
					// Defined by another thread meanwhile.
				}
			}
		}
	}

	private @Nullable CodeSource codeSource(URL resource) {
		String location = resource.toString();
		for (URL directory : this.classDirectories) {
			if (location.startsWith(directory.toString())) {
				return new CodeSource(directory, (CodeSigner[]) null);
			}
		}
		return null;
	}

	@Override
	public byte @Nullable [] definedBytes(String className) {
		return this.definedBytes.get(className);
	}

	@Override
	public @Nullable String definitionFailure(String className) {
		return this.definitionFailures.get(className);
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
