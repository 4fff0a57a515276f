package dev.hotreload.classloading;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.proxy.ReloadableTarget;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.aop.framework.Advised;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Once a generation is replaced, nothing keeps its class loader alive: it is collected.
 */
class OldGenerationCollectedTests {

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	// Nested classes, a lambda and lifecycle callbacks, so that the caches that see them
	// are exercised too.
	private static final String BEAN = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable(state = dev.hotreload.StatePolicy.%s)
			public class Keeper {
				private final java.util.List<String> seen = new java.util.ArrayList<>();
				private record Entry(String value) { }
				@jakarta.annotation.PostConstruct
				void init() { }
				@jakarta.annotation.PreDestroy
				void close() { }
				public String remember(String value) {
					seen.add(new Entry(value).value());
					return seen.stream().map((item) -> item.toUpperCase()).reduce("", String::concat);
				}
			}
			""";

	@ParameterizedTest
	@ValueSource(strings = { "KEEP", "RESET" })
	void replacedGenerationsClassLoaderIsCollected(String policy, @TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Keeper", BEAN.formatted(policy));
			Reloads.runner(classes, "demo.Config").run((context) -> {
				Object keeper = context.getBean("keeper");
				HotReloader reloader = context.getBean(HotReloader.class);
				ReloadableTarget target = (ReloadableTarget) ((Advised) keeper).getTargetSource();
				List<WeakReference<ClassLoader>> replaced = new ArrayList<>();
				for (int i = 0; i < 3; i++) {
					assertThat(reloader.reload("keeper").outcome()).isEqualTo(ReloadRecord.Outcome.RELOADED);
					call(keeper, "remember", "gen" + target.current().number());
					replaced.add(new WeakReference<>(target.current().instance().getClass().getClassLoader()));
				}
				assertThat(reloader.reload("keeper").outcome()).isEqualTo(ReloadRecord.Outcome.RELOADED);
				assertThat(call(keeper, "remember", "x")).asString().endsWith("X");
				await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
					System.gc();
					assertThat(replaced).allSatisfy((reference) -> assertThat(reference.get()).isNull());
				});
				assertThat(target.current().instance().getClass().getClassLoader())
					.isInstanceOf(GenerationClassLoader.class);
			});
		}
	}

}
