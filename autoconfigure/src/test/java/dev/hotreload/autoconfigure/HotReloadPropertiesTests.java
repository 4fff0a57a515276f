package dev.hotreload.autoconfigure;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unit tests of {@link HotReloadProperties}: the defaults, binding from the property
 * names users write, and the configuration metadata that IDEs read, generated from the
 * fields' Javadoc.
 */
class HotReloadPropertiesTests {

	@Test
	void defaults() {
		HotReloadProperties properties = new HotReloadProperties();
		assertThat(properties.getEnabled()).isNull();
		assertThat(properties.getProfiles()).containsExactly("dev");
		assertThat(properties.getInclude()).isEmpty();
		assertThat(properties.getWatch().getPaths()).isEmpty();
		assertThat(properties.getWatch().getQuietPeriod()).isEqualTo(Duration.ofMillis(50));
		assertThat(properties.getHistory().getSize()).isEqualTo(200);
		assertThat(properties.getReload().getDrainTimeout()).isEqualTo(Duration.ofSeconds(2));
		assertThat(properties.getSource().getEnabled()).isNull();
		assertThat(properties.getSource().getPaths()).isEmpty();
		assertThat(properties.getRefresh().getPortRetryTimeout()).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void bindsEveryProperty() {
		Map<String, String> source = new LinkedHashMap<>();
		source.put("hotreload.enabled", "true");
		source.put("hotreload.profiles", "local,debug");
		source.put("hotreload.include", "com.example.web.*Controller,com.example.*Service");
		source.put("hotreload.watch.paths", "build/classes/java/main");
		source.put("hotreload.watch.quiet-period", "200ms");
		source.put("hotreload.history.size", "5");
		source.put("hotreload.reload.drain-timeout", "3s");
		source.put("hotreload.source.enabled", "false");
		source.put("hotreload.source.paths[0]", "src/main/java");
		source.put("hotreload.source.paths[1]", "src/main/kotlin");
		source.put("hotreload.refresh.port-retry-timeout", "30s");
		HotReloadProperties properties = bind(source);
		assertThat(properties.getEnabled()).isTrue();
		assertThat(properties.getProfiles()).containsExactly("local", "debug");
		assertThat(properties.getInclude()).containsExactly("com.example.web.*Controller", "com.example.*Service");
		assertThat(properties.getWatch().getPaths()).containsExactly(Path.of("build/classes/java/main"));
		assertThat(properties.getWatch().getQuietPeriod()).isEqualTo(Duration.ofMillis(200));
		assertThat(properties.getHistory().getSize()).isEqualTo(5);
		assertThat(properties.getReload().getDrainTimeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(properties.getSource().getEnabled()).isFalse();
		assertThat(properties.getSource().getPaths()).containsExactly(Path.of("src/main/java"),
				Path.of("src/main/kotlin"));
		assertThat(properties.getRefresh().getPortRetryTimeout()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void bindsRelaxedNames() {
		HotReloadProperties properties = bind(
				Map.of("hotreload.watch.quietPeriod", "1s", "hotreload.reload.drain_timeout", "PT0.5S"));
		assertThat(properties.getWatch().getQuietPeriod()).isEqualTo(Duration.ofSeconds(1));
		assertThat(properties.getReload().getDrainTimeout()).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void keepsTheDefaultsOfWhatIsNotSet() {
		HotReloadProperties properties = bind(Map.of("hotreload.history.size", "10"));
		assertThat(properties.getProfiles()).containsExactly("dev");
		assertThat(properties.getWatch().getQuietPeriod()).isEqualTo(Duration.ofMillis(50));
		assertThat(properties.getReload().getDrainTimeout()).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void metadataDescribesEveryProperty() throws Exception {
		Map<String, JsonNode> metadata = metadata();
		List<String> expected = propertyNames("hotreload", HotReloadProperties.class);
		assertThat(expected).contains("hotreload.enabled", "hotreload.watch.quiet-period", "hotreload.source.paths");
		assertThat(metadata.keySet()).filteredOn((name) -> name.startsWith("hotreload."))
			.containsExactlyInAnyOrderElementsOf(expected);
		for (String name : expected) {
			JsonNode property = metadata.get(name);
			assertThat(property.path("description").asString()).as("description of %s", name)
				.isNotBlank()
				.endsWith(".")
				.doesNotContain("{@");
			assertThat(property.path("sourceType").asString()).as("source type of %s", name)
				.startsWith(HotReloadProperties.class.getName());
		}
	}

	@Test
	void metadataGivesTheDefaults() throws Exception {
		Map<String, JsonNode> metadata = metadata();
		assertThat(metadata.get("hotreload.profiles").path("defaultValue").get(0).asString()).isEqualTo("dev");
		assertThat(metadata.get("hotreload.watch.quiet-period").path("defaultValue").asString()).isEqualTo("50ms");
		assertThat(metadata.get("hotreload.history.size").path("defaultValue").asInt()).isEqualTo(200);
		assertThat(metadata.get("hotreload.reload.drain-timeout").path("defaultValue").asString()).isEqualTo("2s");
		assertThat(metadata.get("hotreload.refresh.port-retry-timeout").path("defaultValue").asString())
			.isEqualTo("10s");
		assertThat(metadata.get("hotreload.enabled").has("defaultValue")).isFalse();
	}

	private static HotReloadProperties bind(Map<String, String> source) {
		return new Binder(new MapConfigurationPropertySource(source)).bindOrCreate("hotreload",
				HotReloadProperties.class);
	}

	private static Map<String, JsonNode> metadata() throws Exception {
		// Several jars have such a file: read the one the build generated next to the
		// properties class.
		Path classes = Path.of(HotReloadProperties.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Map<String, JsonNode> properties = new LinkedHashMap<>();
		try (InputStream in = Files.newInputStream(classes.resolve("META-INF/spring-configuration-metadata.json"))) {
			for (JsonNode property : JsonMapper.builder().build().readTree(in).path("properties")) {
				properties.put(property.path("name").asString(), property);
			}
		}
		return properties;
	}

	/**
	 * Derive the property names from the fields of a properties class: a field of a
	 * nested properties type (a {@code static} member class of
	 * {@link HotReloadProperties}) is a group, any other field a property.
	 */
	private static List<String> propertyNames(String prefix, Class<?> type) {
		List<String> names = new ArrayList<>();
		ReflectionUtils.doWithLocalFields(type, (field) -> {
			if (Modifier.isStatic(field.getModifiers())) {
				return;
			}
			String name = prefix + "." + kebabCase(field);
			if (field.getType().getDeclaringClass() == HotReloadProperties.class) {
				names.addAll(propertyNames(name, field.getType()));
			}
			else {
				names.add(name);
			}
		});
		return names;
	}

	private static String kebabCase(Field field) {
		return field.getName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
	}

}
