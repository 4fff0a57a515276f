package dev.hotreload.testsupport;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.autoconfigure.HotReloadAutoConfiguration;
import dev.hotreload.autoconfigure.HotReloadEndpointAutoConfiguration;
import dev.hotreload.autoconfigure.HotReloadSourceAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import static org.awaitility.Awaitility.await;

/**
 * Helpers for tests that run a real context over a {@link ReloadableClasses} directory.
 */
public final class Reloads {

	private Reloads() {
	}

	/**
	 * Return a runner for a context whose application classes come from the given
	 * directory, with hot reload forced on and the directory watched.
	 * @param classes the class directory
	 * @param configurationClassNames the application's configuration classes, compiled
	 * into the directory
	 * @return the runner
	 */
	public static ApplicationContextRunner runner(ReloadableClasses classes, String... configurationClassNames) {
		Class<?>[] configurations = Arrays.stream(configurationClassNames).map(classes::load).toArray(Class<?>[]::new);
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(HotReloadAutoConfiguration.class, HotReloadEndpointAutoConfiguration.class))
			.withClassLoader(classes.classLoader())
			.withPropertyValues("hotreload.enabled=true", "hotreload.watch.quiet-period=100ms")
			.withUserConfiguration(configurations);
	}

	/**
	 * Return a runner for a context whose application classes come from a
	 * {@link SourceProject}, with hot reload and source mode on.
	 * @param project the project, built
	 * @param configurationClassNames the application's configuration classes, compiled
	 * into the project's class directory
	 * @return the runner
	 */
	public static ApplicationContextRunner sourceRunner(SourceProject project, String... configurationClassNames) {
		Class<?>[] configurations = Arrays.stream(configurationClassNames).map(project::load).toArray(Class<?>[]::new);
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HotReloadAutoConfiguration.class,
					HotReloadEndpointAutoConfiguration.class, HotReloadSourceAutoConfiguration.class))
			.withClassLoader(project.classLoader())
			// The compiler's warm-up has tests of its own (CompilerWarmUpTests);
			// elsewhere
			// its throwaway compilations would only compete with the test for the CPU.
			.withPropertyValues("hotreload.enabled=true", "hotreload.watch.quiet-period=20ms",
					"hotreload.source.warm-up=false")
			.withUserConfiguration(configurations);
	}

	/**
	 * Wait until the history holds a given number of records.
	 * @param context the context
	 * @param count the number of records to wait for
	 * @return the newest record
	 */
	public static ReloadRecord awaitRecords(ApplicationContext context, int count) {
		HotReloader reloader = context.getBean(HotReloader.class);
		await().atMost(Duration.ofSeconds(10)).until(() -> reloader.history().size() >= count);
		List<ReloadRecord> history = reloader.history();
		return history.get(0);
	}

	/**
	 * Call a public method by name through reflection, as a caller compiled against the
	 * first version would.
	 * @param target the object, usually a proxy
	 * @param methodName the method's name
	 * @param args the arguments, whose classes must match the parameter types exactly
	 * @return the result
	 */
	public static Object call(Object target, String methodName, Object... args) {
		Class<?>[] types = Arrays.stream(args).map(Reloads::parameterType).toArray(Class<?>[]::new);
		try {
			Method method = target.getClass().getMethod(methodName, types);
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			if (ex.getTargetException() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getTargetException() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getTargetException());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Class<?> parameterType(Object arg) {
		if (arg instanceof Integer) {
			return int.class;
		}
		if (arg instanceof Long) {
			return long.class;
		}
		if (arg instanceof Boolean) {
			return boolean.class;
		}
		return arg.getClass();
	}

}
