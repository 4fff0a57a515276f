package dev.hotreload.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.hotreload.ReloadRecord.PropertyChanges;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.Assert;

/**
 * Loads the configuration files of the running environment again with Spring Boot's own
 * config data loading, into an environment of its own, works out which keys changed, and
 * swaps the new property sources into the running environment in place of the old ones,
 * at the same precedence, one source at a time.
 */
final class EnvironmentUpdate {

	// Spring Boot names every property source it loads from a config data resource so.
	private static final String CONFIG_DATA_PREFIX = "Config resource ";

	private static final String ATTACHED = "configurationProperties";

	private final ConfigurableEnvironment environment;

	private final ResourceLoader resourceLoader;

	/**
	 * Create an update of an environment.
	 * @param environment the running environment
	 * @param resourceLoader the loader of the configuration files
	 */
	EnvironmentUpdate(ConfigurableEnvironment environment, ResourceLoader resourceLoader) {
		Assert.notNull(environment, "'environment' must not be null");
		Assert.notNull(resourceLoader, "'resourceLoader' must not be null");
		this.environment = environment;
		this.resourceLoader = resourceLoader;
	}

	/**
	 * Load the configuration files again, without touching the running environment.
	 * @return what they hold now, and which keys that changes
	 * @throws RuntimeException if a file cannot be loaded, such as a malformed YAML file
	 */
	Loaded load() {
		StandardEnvironment fresh = new StandardEnvironment();
		MutablePropertySources sources = fresh.getPropertySources();
		sources.stream().map(PropertySource::getName).toList().forEach(sources::remove);
		for (PropertySource<?> source : this.environment.getPropertySources()) {
			if (!isConfigData(source) && !ATTACHED.equals(source.getName())) {
				sources.addLast(source);
			}
		}
		// The profiles that are active now load the same profile-specific files; a
		// change of the keys that choose profiles is seen as such (and refreshes).
		ConfigDataEnvironmentPostProcessor.applyTo(fresh, this.resourceLoader, new DefaultBootstrapContext(),
				Arrays.asList(this.environment.getActiveProfiles()));
		List<PropertySource<?>> loaded = fresh.getPropertySources()
			.stream()
			.filter(EnvironmentUpdate::isConfigData)
			.toList();
		List<PropertySource<?>> current = configData(this.environment.getPropertySources());
		return new Loaded(current, loaded, changes(current, loaded));
	}

	/**
	 * Put property sources in place of the running environment's configuration files.
	 * @param from the sources that are in place now
	 * @param to the sources to put in their place
	 */
	void swap(List<PropertySource<?>> from, List<PropertySource<?>> to) {
		MutablePropertySources sources = this.environment.getPropertySources();
		Set<String> kept = new HashSet<>();
		String anchor = null;
		for (PropertySource<?> source : to) {
			if (sources.contains(source.getName())) {
				sources.replace(source.getName(), source);
			}
			else if (anchor != null) {
				sources.addAfter(anchor, source);
			}
			else {
				addFirstOfConfigData(sources, from, source);
			}
			kept.add(source.getName());
			anchor = source.getName();
		}
		for (PropertySource<?> source : from) {
			if (!kept.contains(source.getName())) {
				sources.remove(source.getName());
			}
		}
	}

	private static void addFirstOfConfigData(MutablePropertySources sources, List<PropertySource<?>> from,
			PropertySource<?> source) {
		String first = from.stream().map(PropertySource::getName).filter(sources::contains).findFirst().orElse(null);
		if (first != null) {
			sources.addBefore(first, source);
		}
		else if (sources.contains("defaultProperties")) {
			sources.addBefore("defaultProperties", source);
		}
		else {
			sources.addLast(source);
		}
	}

	private static List<PropertySource<?>> configData(MutablePropertySources sources) {
		return sources.stream().filter(EnvironmentUpdate::isConfigData).toList();
	}

	static boolean isConfigData(PropertySource<?> source) {
		return source.getName().startsWith(CONFIG_DATA_PREFIX);
	}

	// The keys whose value, as the first source that has them says, differs. Higher
	// sources (arguments, system properties) take precedence as before, so a key they
	// set does not change.
	private PropertyChanges changes(List<PropertySource<?>> before, List<PropertySource<?>> after) {
		Set<String> keys = new LinkedHashSet<>();
		before.forEach((source) -> keys.addAll(names(source)));
		after.forEach((source) -> keys.addAll(names(source)));
		List<PropertySource<?>> others = this.environment.getPropertySources()
			.stream()
			.filter((source) -> !isConfigData(source) && !ATTACHED.equals(source.getName()))
			.toList();
		List<String> changed = new ArrayList<>();
		List<String> added = new ArrayList<>();
		List<String> removed = new ArrayList<>();
		for (String key : keys) {
			String old = valueOf(key, before, others);
			String now = valueOf(key, after, others);
			if (old == null && now != null) {
				added.add(key);
			}
			else if (old != null && now == null) {
				removed.add(key);
			}
			else if (!Objects.equals(old, now)) {
				changed.add(key);
			}
		}
		return new PropertyChanges(changed, added, removed);
	}

	// What the environment would say, unresolved: the first source that has the key, the
	// configuration files standing where they stand in the running environment.
	private @Nullable String valueOf(String key, List<PropertySource<?>> configData, List<PropertySource<?>> others) {
		List<PropertySource<?>> ordered = new ArrayList<>();
		boolean placed = false;
		for (PropertySource<?> source : this.environment.getPropertySources()) {
			if (isConfigData(source)) {
				if (!placed) {
					ordered.addAll(configData);
					placed = true;
				}
			}
			else if (others.contains(source)) {
				ordered.add(source);
			}
		}
		if (!placed) {
			int defaults = ordered.stream().map(PropertySource::getName).toList().indexOf("defaultProperties");
			ordered.addAll((defaults != -1) ? defaults : ordered.size(), configData);
		}
		for (PropertySource<?> source : ordered) {
			if (source.containsProperty(key)) {
				Object value = source.getProperty(key);
				return (value != null) ? value.toString() : null;
			}
		}
		return null;
	}

	private static List<String> names(PropertySource<?> source) {
		return (source instanceof EnumerablePropertySource<?> enumerable) ? List.of(enumerable.getPropertyNames())
				: List.of();
	}

	/**
	 * The configuration files as they are in the running environment and as they were
	 * loaded again.
	 *
	 * @param current the property sources in place now
	 * @param loaded the property sources loaded again
	 * @param changes the keys that the new ones change
	 */
	record Loaded(List<PropertySource<?>> current, List<PropertySource<?>> loaded, PropertyChanges changes) {

		Loaded {
			current = List.copyOf(current);
			loaded = List.copyOf(loaded);
		}

	}

}
