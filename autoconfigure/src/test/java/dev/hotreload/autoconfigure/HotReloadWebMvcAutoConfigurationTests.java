package dev.hotreload.autoconfigure;

import java.io.IOException;
import java.nio.file.Path;

import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.web.ControllerMappings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request mappings of reloadable controllers are kept in line only in a servlet web
 * application with Spring MVC, and only when hot reload is on.
 */
class HotReloadWebMvcAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(HotReloadAutoConfiguration.class,
			HotReloadWebMvcAutoConfiguration.class);

	@TempDir
	Path temp;

	private ReloadableClasses classes() {
		return new ReloadableClasses(this.temp).compile("demo.Config", ReloadableClasses.COMPONENT_SCAN_CONFIG);
	}

	@Test
	void onInServletWebApplication() throws IOException {
		try (ReloadableClasses classes = classes()) {
			new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
				.withClassLoader(classes.classLoader())
				.withUserConfiguration(classes.load("demo.Config"))
				.withPropertyValues("hotreload.enabled=true")
				.run((context) -> assertThat(context).hasSingleBean(ControllerMappings.class));
		}
	}

	@Test
	void offWhenHotReloadIsOff() throws IOException {
		try (ReloadableClasses classes = classes()) {
			new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
				.withClassLoader(classes.classLoader())
				.withUserConfiguration(classes.load("demo.Config"))
				.run((context) -> assertThat(context).doesNotHaveBean(ControllerMappings.class));
		}
	}

	@Test
	void offWithoutSpringMvc() throws IOException {
		try (ReloadableClasses classes = classes()) {
			new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
				.withClassLoader(new FilteredClassLoader(classes.classLoader(), RequestMappingHandlerMapping.class))
				.withUserConfiguration(classes.load("demo.Config"))
				.withPropertyValues("hotreload.enabled=true")
				.run((context) -> assertThat(context).doesNotHaveBean(ControllerMappings.class));
		}
	}

	@Test
	void offInApplicationThatIsNoWebApplication() throws IOException {
		try (ReloadableClasses classes = classes()) {
			new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
				.withClassLoader(classes.classLoader())
				.withUserConfiguration(classes.load("demo.Config"))
				.withPropertyValues("hotreload.enabled=true")
				.run((context) -> assertThat(context).doesNotHaveBean(ControllerMappings.class));
		}
	}

}
