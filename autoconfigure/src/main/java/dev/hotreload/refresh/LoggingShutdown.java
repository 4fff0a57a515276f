package dev.hotreload.refresh;

import java.util.Map;

import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.Assert;

/**
 * Stops the logging system once, when the JVM ends, in place of the shutdown handler that
 * Spring Boot registers once per JVM for the first run: that handler holds the first
 * run's logging system, made with the first run's class loader, which would then stay
 * reachable for the JVM's life.
 */
final class LoggingShutdown {

	static final String REGISTER_SHUTDOWN_HOOK = "logging.register-shutdown-hook";

	static final String PROPERTY_SOURCE_NAME = "hotreloadLoggingShutdown";

	private final ClassLoader baseClassLoader;

	private volatile boolean wanted = true;

	/**
	 * Create the shutdown of the logging system.
	 * @param baseClassLoader the loader of the libraries, which outlives every run
	 */
	LoggingShutdown(ClassLoader baseClassLoader) {
		Assert.notNull(baseClassLoader, "'baseClassLoader' must not be null");
		this.baseClassLoader = baseClassLoader;
	}

	/**
	 * Take over the shutdown of the logging system from a run that is starting, as the
	 * run's {@code logging.register-shutdown-hook} says.
	 * @param environment the run's environment, before the logging system is initialized
	 */
	void takeOver(ConfigurableEnvironment environment) {
		this.wanted = environment.getProperty(REGISTER_SHUTDOWN_HOOK, Boolean.class, true);
		environment.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of(REGISTER_SHUTDOWN_HOOK, "false")));
	}

	/**
	 * Stop the logging system, unless the last run asked for no shutdown hook.
	 */
	void run() {
		if (this.wanted) {
			Runnable handler = LoggingSystem.get(this.baseClassLoader).getShutdownHandler();
			if (handler != null) {
				handler.run();
			}
		}
	}

}
