package dev.hotreload.proxy;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@code @AfterReload} method that calls its own bean through the proxy, while the
 * reload holds new calls, is not held by its own reload: it reaches the generation being
 * replaced.
 */
class AfterReloadCallThroughProxyTests {

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	private static final String ECHO = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Echo implements java.util.function.Supplier<String> {
				private final org.springframework.beans.factory.ObjectProvider<java.util.function.Supplier<String>> self;
				private String seenAfterReload = "none";
				public Echo(org.springframework.beans.factory.ObjectProvider<java.util.function.Supplier<String>> self) {
					this.self = self;
				}
				public String get() { return "%s"; }
				public String seenAfterReload() { return seenAfterReload; }
				@dev.hotreload.AfterReload
				void afterReload() { seenAfterReload = self.getObject().get(); }
			}
			""";

	@Test
	void afterReloadCallThroughProxyIsNotHeld(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Echo", ECHO.formatted("v1"));
			Reloads.runner(classes, "demo.Config")
				.withPropertyValues("hotreload.watch.quiet-period=10s")
				.run((context) -> {
					Object echo = context.getBean("echo");
					classes.compile("demo.Echo", ECHO.formatted("v2"));
					HotReloader reloader = context.getBean(HotReloader.class);
					ReloadRecord record = CompletableFuture.supplyAsync(() -> reloader.reload("echo"))
						.get(10, TimeUnit.SECONDS);
					assertThat(record.outcome()).isEqualTo(ReloadRecord.Outcome.RELOADED);
					assertThat(call(echo, "seenAfterReload")).isEqualTo("v1");
					assertThat(call(echo, "get")).isEqualTo("v2");
				});
		}
	}

}
