package dev.hotreload.refresh;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each run of a refreshable application what a developer expects to find again
 * after a refresh, as properties of the lowest precedence that the application's own
 * configuration overrides: the restart's development defaults (hot reload's refresher
 * keeps HTTP sessions) and the properties kept from an earlier run (a generated security
 * password). Registered in {@code META-INF/spring.factories}; it adds nothing when the
 * application is not refreshable, and never logs a value.
 */
public final class RefreshPropertyDefaults implements EnvironmentPostProcessor, Ordered {

	/**
	 * The name of the property source it adds.
	 */
	public static final String SOURCE_NAME = "hotreloadRefresh";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		RefreshRuntime runtime = RefreshRuntime.current();
		if (!runtime.isRefreshable() || !runtime.restart().runs(Thread.currentThread())
				|| environment.getPropertySources().contains(SOURCE_NAME)) {
			return;
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		runtime.restart().propertyDefaults().forEach((name, value) -> {
			if (!environment.containsProperty(name)) {
				properties.put(name, value);
			}
		});
		runtime.keptProperties().forEach((name, value) -> {
			if (environment.containsProperty(name)) {
				// The application sets it now: its value wins, in this run and after.
				runtime.forgetProperty(name);
			}
			else {
				properties.put(name, value);
			}
		});
		if (!properties.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, properties));
		}
	}

	@Override
	public int getOrder() {
		// After the application's configuration is read, so that it can be consulted.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
