package dev.hotreload.refresh;

import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.hotreload.testsupport.TestCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.data.core.TypeInformation;
import org.springframework.data.util.ProxyUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spring Data's static caches of types forget the types of a class loader that a refresh
 * discarded, so that the loader can be collected: its LRU caches (which hold their
 * entries strongly) and its maps of soft references.
 */
class StaticTypeCachesTests {

	private static final String ENTITY = """
			package demo;
			public class Entity {
				private String name;
				public String getName() { return name; }
			}
			""";

	@Test
	void typesOfADiscardedClassLoaderAreNoLongerCached(@TempDir Path temp) throws Exception {
		TestCompiler.compile(temp, Map.of("demo.Entity", ENTITY));
		WeakReference<ClassLoader> discarded = cacheTypesOfAThrowawayLoader(temp);
		StaticTypeCaches.clear();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			System.gc();
			assertThat(discarded.get()).isNull();
		});
	}

	@Test
	void withoutClearingTheTypesStayCached(@TempDir Path temp) throws Exception {
		TestCompiler.compile(temp, Map.of("demo.Entity", ENTITY));
		WeakReference<ClassLoader> kept = cacheTypesOfAThrowawayLoader(temp);
		for (int i = 0; i < 5; i++) {
			System.gc();
		}
		assertThat(kept.get()).isNotNull();
		StaticTypeCaches.clear();
	}

	private static WeakReference<ClassLoader> cacheTypesOfAThrowawayLoader(Path classes) throws Exception {
		try (URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
				StaticTypeCachesTests.class.getClassLoader())) {
			Class<?> entity = loader.loadClass("demo.Entity");
			assertThat(TypeInformation.of(entity).getProperty("name")).isNotNull();
			assertThat(ProxyUtils.getUserClass(entity)).isSameAs(entity);
			return new WeakReference<>(loader);
		}
	}

}
