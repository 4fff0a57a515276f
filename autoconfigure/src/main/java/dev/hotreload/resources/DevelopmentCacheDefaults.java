package dev.hotreload.resources;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.hotreload.activation.HotReloadActivation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns off, while hot reload is on, the caches that hide an edit of a template, a static
 * file or a message, as DevTools' development defaults do while its restart is on: the
 * template caches of Thymeleaf, FreeMarker, Groovy templates and Mustache, the caching of
 * static resources, and the message source's cache. Only properties that the application
 * has not set; the defaults have the lowest precedence. Registered in
 * {@code META-INF/spring.factories}.
 */
public final class DevelopmentCacheDefaults implements EnvironmentPostProcessor, Ordered {

	/**
	 * The name of the property source it adds.
	 */
	public static final String SOURCE_NAME = "hotreloadDevelopmentDefaults";

	static final Map<String, String> DEFAULTS;

	static {
		Map<String, String> defaults = new LinkedHashMap<>();
		defaults.put("spring.thymeleaf.cache", "false");
		defaults.put("spring.freemarker.cache", "false");
		defaults.put("spring.groovy.template.cache", "false");
		defaults.put("spring.mustache.servlet.cache", "false");
		defaults.put("spring.web.resources.cache.period", "0");
		defaults.put("spring.web.resources.chain.cache", "false");
		// Checked again at each use, so that an edited messages*.properties applies.
		defaults.put("spring.messages.cache-duration", "0s");
		DEFAULTS = Map.copyOf(defaults);
	}

	private static final Log logger = LogFactory.getLog(DevelopmentCacheDefaults.class);

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(SOURCE_NAME) || !HotReloadActivation.of(environment).isOn()) {
			return;
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		DEFAULTS.forEach((name, value) -> {
			if (!environment.containsProperty(name)) {
				properties.put(name, value);
			}
		});
		if (!properties.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, properties));
			logger.debug(
					"Hot reload turns off the caches of templates, static files and messages: " + properties.keySet());
		}
	}

	@Override
	public int getOrder() {
		// After the application's configuration is read, so that it can be consulted.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
