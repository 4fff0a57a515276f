package dev.hotreload.compile;

import java.nio.file.Path;
import java.time.Duration;

import dev.hotreload.testsupport.SourceProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The compiler's warm-up starts with the application's environment, before the context
 * exists, in a real {@link SpringApplication} whose class directory has a source
 * directory beside it; source mode then takes the warmed compiler, and a production run
 * warms nothing.
 */
class EarlyCompilerWarmUpTests {

	private static final String APP = """
			package demo;
			@org.springframework.boot.autoconfigure.SpringBootApplication
			public class App {
			}
			""";

	private static final String GREETER = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Greeter {
				public String greet() { return "hello"; }
			}
			""";

	@Test
	void warmsTheCompilerThatSourceModeThenTakes(@TempDir Path temp) throws Exception {
		try (SourceProject project = new SourceProject(temp).build("demo.App", APP, "demo.Greeter", GREETER);
				ConfigurableApplicationContext context = application(project).run("--hotreload.enabled=true")) {
			SourceChangeWatcher watcher = context.getBean(SourceChangeWatcher.class);
			assertThat(watcher.isRunning()).isTrue();
			SourceCompiler compiler = SourceCompilers.newest();
			assertThat(compiler).isNotNull();
			await().atMost(Duration.ofMinutes(2)).until(() -> compiler.warmUps() == CompilerWarmUp.COMPILATIONS);
			// The context's own warm-up found it warm, and source mode compiles with it.
			assertThat(compiler.claimWarmUp()).isFalse();
			assertThat(SourceCompilers.newest()).isSameAs(compiler);
		}
	}

	@Test
	void warmsNothingWhenHotReloadIsOff(@TempDir Path temp) throws Exception {
		SourceCompiler before = SourceCompilers.newest();
		try (SourceProject project = new SourceProject(temp).build("demo.App", APP, "demo.Greeter", GREETER);
				ConfigurableApplicationContext context = application(project).run()) {
			assertThat(context.getBeansOfType(SourceChangeWatcher.class)).isEmpty();
			assertThat(SourceCompilers.newest()).isSameAs(before);
		}
	}

	private static SpringApplication application(SourceProject project) {
		SpringApplication application = new SpringApplication(project.load("demo.App"));
		application.setResourceLoader(new DefaultResourceLoader(project.classLoader()));
		application.setWebApplicationType(WebApplicationType.NONE);
		return application;
	}

}
