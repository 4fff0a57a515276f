package dev.hotreload.classloading;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.aop.framework.Advised;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reloaded {@code @ConfigurationProperties} bean is bound anew by Spring Boot's binder
 * at every reload; the binder's caches must not keep the replaced generations' classes,
 * and so their class loaders, reachable, not even softly.
 */
class ConfigurationPropertiesGenerationsCollectedTests {

	private static final String CONFIG = """
			package demo;
			@org.springframework.context.annotation.Configuration
			@org.springframework.context.annotation.ComponentScan
			@org.springframework.boot.context.properties.EnableConfigurationProperties
			public class Config {
			}
			""";

	private static final String SETTINGS = """
			package demo;
			import java.time.Duration;
			import java.util.ArrayList;
			import java.util.List;
			@org.springframework.stereotype.Component
			@org.springframework.boot.context.properties.ConfigurationProperties("demo")
			@dev.hotreload.HotReloadable
			public class Settings {
				private String greeting = "hello";
				private Duration timeout = Duration.ofSeconds(1);
				private List<String> names = new ArrayList<>();
				private final Nested nested = new Nested();
				public String getGreeting() { return greeting; }
				public void setGreeting(String greeting) { this.greeting = greeting; }
				public Duration getTimeout() { return timeout; }
				public void setTimeout(Duration timeout) { this.timeout = timeout; }
				public List<String> getNames() { return names; }
				public void setNames(List<String> names) { this.names = names; }
				public Nested getNested() { return nested; }
				public String describe() {
					return greeting + " " + names + " " + timeout.toMillis() + " " + nested.getLevel();
				}
				public static class Nested {
					private int level;
					public int getLevel() { return level; }
					public void setLevel(int level) { this.level = level; }
				}
			}
			""";

	@Test
	void replacedGenerationsOfABoundBeanAreCollected(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Settings", SETTINGS);
			Reloads.runner(classes, "demo.Config")
				.withPropertyValues("demo.greeting=hi", "demo.timeout=2s", "demo.names=ann,bob", "demo.nested.level=3")
				.run((context) -> {
					Object settings = context.getBean("settings");
					HotReloader reloader = context.getBean(HotReloader.class);
					assertThat(call(settings, "describe")).isEqualTo("hi [ann, bob] 2000 3");
					List<WeakReference<ClassLoader>> replaced = new ArrayList<>();
					for (int i = 0; i < 3; i++) {
						assertThat(reloader.reload("settings").outcome()).isEqualTo(ReloadRecord.Outcome.RELOADED);
						replaced.add(new WeakReference<>(loaderOfCurrentGeneration(settings)));
					}
					assertThat(reloader.reload("settings").outcome()).isEqualTo(ReloadRecord.Outcome.RELOADED);
					assertThat(call(settings, "describe")).isEqualTo("hi [ann, bob] 2000 3");
					await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
						System.gc();
						assertThat(replaced).allSatisfy((reference) -> assertThat(reference.get()).isNull());
					});
				});
		}
	}

	private static ClassLoader loaderOfCurrentGeneration(Object proxy) throws Exception {
		Object target = ((Advised) proxy).getTargetSource().getTarget();
		assertThat(target).isNotNull();
		ClassLoader loader = target.getClass().getClassLoader();
		assertThat(loader).isInstanceOf(GenerationClassLoader.class);
		return loader;
	}

}
