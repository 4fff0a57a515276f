package dev.hotreload.autoconfigure;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;

import dev.hotreload.HotReloader;
import dev.hotreload.actuate.HotReloadEndpoint;
import dev.hotreload.reload.ClassChangeWatcher;
import dev.hotreload.reload.HotReloadEngine;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When hot reload is on, and when it stays off: profiles, {@code hotreload.enabled}, and
 * an application without class directories.
 */
@ExtendWith(OutputCaptureExtension.class)
class HotReloadAutoConfigurationTests {

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	private static final String GREETER = ReloadableClasses.HELLO_GREETER;

	@TempDir
	Path temp;

	private ApplicationContextRunner runner(ReloadableClasses classes) {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(HotReloadAutoConfiguration.class, HotReloadEndpointAutoConfiguration.class))
			.withClassLoader(classes.classLoader())
			.withPropertyValues("management.endpoints.web.exposure.include=hotreload")
			.withUserConfiguration(classes.load("demo.Config"));
	}

	private ReloadableClasses classes() {
		return new ReloadableClasses(this.temp).compile("demo.Config", CONFIG, "demo.Greeter", GREETER);
	}

	@Test
	void offWithoutDevProfile() throws IOException {
		try (ReloadableClasses classes = classes()) {
			runner(classes).run(this::assertOff);
		}
	}

	@Test
	void onWithDevProfile() throws IOException {
		try (ReloadableClasses classes = classes()) {
			runner(classes).withPropertyValues("spring.profiles.active=dev").run(this::assertOn);
		}
	}

	@Test
	void onWithDevProfileAsDefaultProfile() throws IOException {
		try (ReloadableClasses classes = classes()) {
			runner(classes).withPropertyValues("spring.profiles.default=dev").run(this::assertOn);
		}
	}

	@Test
	void offWithDevProfileAsDefaultProfileButAnotherActive() throws IOException {
		try (ReloadableClasses classes = classes()) {
			runner(classes).withPropertyValues("spring.profiles.default=dev", "spring.profiles.active=prod")
				.run(this::assertOff);
		}
	}

	@Test
	void onWithDevProfileIncluded() throws IOException {
		try (ReloadableClasses classes = classes()) {
			runner(classes).withPropertyValues("spring.profiles.include=dev").run(this::assertOn);
		}
	}

	@Test
	void offWhenDisabledEvenWithDevProfile() throws IOException {
		try (ReloadableClasses classes = classes()) {
			runner(classes).withPropertyValues("spring.profiles.active=dev", "hotreload.enabled=false")
				.run(this::assertOff);
		}
	}

	@Test
	void onWhenEnabledWithoutProfile() throws IOException {
		try (ReloadableClasses classes = classes()) {
			runner(classes).withPropertyValues("hotreload.enabled=true").run(this::assertOn);
		}
	}

	@Test
	void onWithConfiguredProfile() throws IOException {
		try (ReloadableClasses classes = classes()) {
			runner(classes).withPropertyValues("spring.profiles.active=local", "hotreload.profiles=local,sandbox")
				.run(this::assertOn);
			runner(classes).withPropertyValues("spring.profiles.active=dev", "hotreload.profiles=local")
				.run(this::assertOff);
		}
	}

	@Test
	void inertWithoutClassDirectories(CapturedOutput output) throws IOException {
		try (ReloadableClasses classes = classes()) {
			runner(classes).withClassLoader(new PackagedApplicationClassLoader(classes.classLoader()))
				.withPropertyValues("hotreload.enabled=true")
				.run((context) -> {
					assertInertWithoutClassDirectories(context);
					assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
						.doesNotContain("hotreload-watcher", "hotreload-reload");
				});
			assertThat(output).contains("no class directory to watch");
		}
	}

	private void assertOn(AssertableApplicationContext context) {
		assertThat(context).hasSingleBean(HotReloader.class).hasSingleBean(HotReloadEndpoint.class);
		Object greeter = context.getBean("greeter");
		assertThat(AopUtils.isAopProxy(greeter)).isTrue();
		assertThat(Reloads.call(greeter, "greet")).isEqualTo("hello");
		assertThat(context.getBean(HotReloader.class).reloadableBeans()).containsExactly("greeter");
		assertThat(context.getBean(ClassChangeWatcher.class).isRunning()).isTrue();
	}

	private void assertOff(AssertableApplicationContext context) {
		assertThat(context).doesNotHaveBean(HotReloader.class)
			.doesNotHaveBean(HotReloadEngine.class)
			.doesNotHaveBean(ClassChangeWatcher.class)
			.doesNotHaveBean(HotReloadEndpoint.class);
		assertThat(AopUtils.isAopProxy(context.getBean("greeter"))).isFalse();
	}

	/**
	 * A class loader that, like the loader of a packaged jar, has no class directory
	 * among its roots.
	 */
	// Also what a packaged application's context looks like, see PackagedLayoutTests
	static void assertInertWithoutClassDirectories(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		assertThat(context.getBean(HotReloadEngine.class).classDirectories()).isEmpty();
		assertThat(AopUtils.isAopProxy(context.getBean("greeter"))).isFalse();
		assertThat(context.getBean(HotReloader.class).reloadableBeans()).isEmpty();
		assertThat(context.getBean(ClassChangeWatcher.class).isRunning()).isFalse();
	}

	static final class PackagedApplicationClassLoader extends ClassLoader {

		PackagedApplicationClassLoader(ClassLoader parent) {
			super(parent);
		}

		@Override
		public Enumeration<URL> getResources(String name) throws IOException {
			if (name.isEmpty()) {
				return Collections.emptyEnumeration();
			}
			return super.getResources(name);
		}

	}

}
