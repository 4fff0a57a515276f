package dev.hotreload.refresh;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.hotreload.ReloadRecord.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After 20 refreshes in a row, no earlier refresh class loader is reachable, no thread of
 * an earlier run is left, and metaspace stays bounded, although every run reloads a bean
 * (so its reload workers run) and has Spring Data read an entity type (which Spring Data
 * caches in static fields), and the first run initializes H2's exceptions. Prints the
 * metaspace and class numbers it saw.
 */
class RefreshedClassLoadersCollectedTests {

	private static final int REFRESHES = 20;

	private static final String ENTITY_TYPES = """
			package demo;
			@org.springframework.stereotype.Component
			public class EntityTypes {
				public EntityTypes() {
					org.springframework.data.core.TypeInformation.of(Visitor.class).getProperty("name");
					// H2 creates its out-of-memory exceptions once, with this stack.
					try {
						Class.forName("org.h2.message.DbException");
					}
					catch (ClassNotFoundException ex) {
						throw new IllegalStateException(ex);
					}
				}
			}
			""";

	@TempDir
	Path temp;

	@Test
	void twentyRefreshesLeaveNoEarlierClassLoaderReachable() throws Exception {
		List<String> sources = new ArrayList<>(FullRefreshTests.sources(""));
		sources.addAll(List.of("demo.EntityTypes", ENTITY_TYPES));
		try (RefreshingApplication app = RefreshingApplication.start(this.temp, sources)) {
			List<WeakReference<ClassLoader>> earlier = new ArrayList<>();
			long metaspaceAfterFirst = 0;
			for (int i = 1; i <= REFRESHES; i++) {
				assertThat(app.body("/hello/n" + i)).startsWith(i + " ");
				assertThat(app.reloader().reload("counter").outcome()).isEqualTo(Outcome.RELOADED);
				earlier.add(new WeakReference<>(app.refresher().classLoader()));
				long id = app.reloader().refresh();
				assertThat(app.awaitRecord(id).outcome()).isEqualTo(Outcome.REFRESHED);
				if (i == 1) {
					metaspaceAfterFirst = settledMetaspace();
				}
			}
			assertThat(app.body("/hello/last")).startsWith((REFRESHES + 1) + " ");
			RefreshClassLoader current = app.refresher().classLoader();
			assertThat(current.run()).isEqualTo(REFRESHES + 1);
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
				System.gc();
				assertThat(earlier).allSatisfy((reference) -> assertThat(reference.get()).isNull());
			});
			assertThat(Thread.getAllStackTraces().keySet()).noneSatisfy((thread) -> assertThat(
					thread.getContextClassLoader() instanceof RefreshClassLoader loader && loader != current)
				.isTrue());
			long metaspaceAfterLast = settledMetaspace();
			ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
			System.out.printf(Locale.ROOT,
					"Metaspace after the 1st refresh %.1f MB, after the %dth %.1f MB; classes loaded %d, unloaded %d%n",
					metaspaceAfterFirst / 1048576.0, REFRESHES, metaspaceAfterLast / 1048576.0,
					classes.getLoadedClassCount(), classes.getUnloadedClassCount());
			assertThat(classes.getUnloadedClassCount()).isPositive();
		}
	}

	private static long settledMetaspace() {
		System.gc();
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getName().equals("Metaspace"))
			.mapToLong((pool) -> pool.getUsage().getUsed())
			.sum();
	}

}
