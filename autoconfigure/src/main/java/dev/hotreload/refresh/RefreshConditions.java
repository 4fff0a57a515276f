package dev.hotreload.refresh;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.hotreload.activation.HotReloadActivation;
import dev.hotreload.classloading.ClassPathDirectories;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.NativeDetector;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Decides, when the application starts and before its environment exists, whether it runs
 * on a {@link Refresher}. It reads what is known then: system properties, environment
 * variables and command-line arguments. Hot reload must be on, by the same
 * {@link HotReloadActivation rule} as for the application's context, and
 * {@code hotreload.refresh.enabled} not {@code false}; it says no in a packaged jar, in a
 * test, in a native image, or when the application is not started from a {@code main}
 * method.
 */
final class RefreshConditions {

	private static final String[] TEST_STACK_PREFIXES = { "org.junit.", "org.springframework.boot.test.",
			"org.springframework.test.", "org.testng.", "cucumber.", "io.cucumber.",
			"org.springframework.boot.SpringApplicationAotProcessor" };

	private final Environment environment;

	private final Binder binder;

	private RefreshConditions(Environment environment) {
		this.environment = environment;
		this.binder = Binder.get(environment);
	}

	/**
	 * Read the settings known at startup.
	 * @param args the application's arguments
	 * @return the conditions
	 */
	static RefreshConditions of(String[] args) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
		return new RefreshConditions(environment);
	}

	/**
	 * Tell why the application does not run on a refresher.
	 * @param thread the thread that starts the application
	 * @return the reason, or {@code null} if it runs on one
	 */
	@Nullable String reasonNotToRefresh(Thread thread) {
		if (!isHotReloadEnabled()) {
			return "hot reload is off";
		}
		if (!this.binder.bind("hotreload.refresh.enabled", Boolean.class).orElse(true)) {
			return "hotreload.refresh.enabled is false";
		}
		if (NativeDetector.inNativeImage()) {
			return "the application is a native image";
		}
		if (isTest(thread)) {
			return "the application runs in a test";
		}
		if (!"main".equals(thread.getName()) || MainMethod.mainClassName(thread) == null) {
			return "the application is not started from a main method";
		}
		ClassLoader classLoader = thread.getContextClassLoader();
		if (classLoader == null || !classLoader.getClass().getName().contains("AppClassLoader")) {
			return "the application does not run on the JVM's class path (a packaged jar?)";
		}
		if (projectClassDirectories(classLoader).isEmpty()) {
			return "the class path has no class directory";
		}
		return null;
	}

	/**
	 * Return whether hot reload is on, from the settings known at startup.
	 * @return {@code true} if it is on
	 */
	boolean isHotReloadEnabled() {
		return HotReloadActivation.of(this.environment).isOn();
	}

	private static boolean isTest(Thread thread) {
		for (StackTraceElement element : thread.getStackTrace()) {
			for (String prefix : TEST_STACK_PREFIXES) {
				if (element.getClassName().startsWith(prefix)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Return the class directories of the class path that hold the project's classes:
	 * every directory entry but the one hot reload itself comes from (as in a build of
	 * hot reload, or a multi-module build that includes it).
	 * @param classLoader the JVM's application class loader
	 * @return their URLs, in class path order
	 */
	static List<URL> projectClassDirectories(ClassLoader classLoader) {
		Path own = ownLocation();
		Set<Path> directories = ClassPathDirectories.find(classLoader, List.of());
		List<URL> urls = new ArrayList<>();
		for (Path directory : directories) {
			if (!directory.equals(own)) {
				try {
					urls.add(directory.toUri().toURL());
				}
				catch (MalformedURLException ex) {
					throw new IllegalStateException("Cannot make a URL of " + directory, ex);
				}
			}
		}
		return urls;
	}

	private static @Nullable Path ownLocation() {
		CodeSource source = RefreshConditions.class.getProtectionDomain().getCodeSource();
		return (source != null && source.getLocation() != null) ? ClassPathDirectories.toPath(source.getLocation())
				: null;
	}

	/**
	 * Return a setting known at startup.
	 * @param <T> its type
	 * @param name the property name
	 * @param type its type
	 * @param defaultValue its value when unset
	 * @return its value
	 */
	<T> T get(String name, Class<T> type, T defaultValue) {
		return this.binder.bind(name, type).orElse(defaultValue);
	}

}
