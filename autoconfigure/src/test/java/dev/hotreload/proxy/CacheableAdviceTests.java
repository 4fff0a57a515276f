package dev.hotreload.proxy;

import java.nio.file.Path;

import dev.hotreload.ReloadRecord;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @Cacheable} on a reloadable bean keeps working across reloads: the cache lives
 * in the proxy that caching wraps around the reloadable one, so what was cached before a
 * reload is still served after it, and new keys reach the new code.
 */
class CacheableAdviceTests {

	private static final String CONFIG = """
			package demo;
			@org.springframework.context.annotation.Configuration
			@org.springframework.context.annotation.ComponentScan
			@org.springframework.cache.annotation.EnableCaching
			public class Config {
				@org.springframework.context.annotation.Bean
				public org.springframework.cache.CacheManager cacheManager() {
					return new org.springframework.cache.concurrent.ConcurrentMapCacheManager("squares");
				}
			}
			""";

	private static final String SQUARES = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Squares {
				private int computed;
				@org.springframework.cache.annotation.Cacheable("squares")
				public String square(Integer value) {
					computed++;
					return "%s:" + (value * value);
				}
				public int computed() { return computed; }
			}
			""";

	@Test
	void cachedResultsSurviveReloadAndNewKeysReachNewCode(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Squares", SQUARES.formatted("v1"));
			Reloads.runner(classes, "demo.Config").run((context) -> {
				Object squares = context.getBean("squares");
				assertThat(squares.getClass().getMethod("square", Integer.class).invoke(squares, 3)).isEqualTo("v1:9");
				assertThat(squares.getClass().getMethod("square", Integer.class).invoke(squares, 3)).isEqualTo("v1:9");
				assertThat(call(squares, "computed")).isEqualTo(1);
				classes.compile("demo.Squares", SQUARES.formatted("v2"));
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.outcome()).isEqualTo(ReloadRecord.Outcome.RELOADED);
				assertThat(squares.getClass().getMethod("square", Integer.class).invoke(squares, 3)).isEqualTo("v1:9");
				assertThat(squares.getClass().getMethod("square", Integer.class).invoke(squares, 4)).isEqualTo("v2:16");
				assertThat(call(squares, "computed")).isEqualTo(2);
			});
		}
	}

}
