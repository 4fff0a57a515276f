package dev.hotreload.refresh;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

import dev.hotreload.ReloadRecord.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A {@code @SurvivesRefresh} bean of a library class is the very same instance after a
 * refresh and is not destroyed by it, only when the application stops; one of a project
 * class is refused at startup.
 */
class SurvivesRefreshTests {

	private static final String CONFIG = """
			package demo;
			@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
			public class Pools {
				@org.springframework.context.annotation.Bean
				@dev.hotreload.SurvivesRefresh
				java.util.concurrent.ExecutorService pool() {
					return java.util.concurrent.Executors.newSingleThreadExecutor();
				}
			}
			""";

	private static final String PROJECT_BEAN = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.SurvivesRefresh
			public class Broker {
			}
			""";

	@TempDir
	Path temp;

	@Test
	void libraryInstanceSurvivesRefreshesAndIsDestroyedWhenTheApplicationStops() throws Exception {
		List<String> sources = new ArrayList<>(FullRefreshTests.sources(""));
		sources.addAll(List.of("demo.Pools", CONFIG));
		ExecutorService pool;
		try (RefreshingApplication app = RefreshingApplication.start(this.temp, sources)) {
			pool = app.context().getBean("pool", ExecutorService.class);
			for (int i = 0; i < 2; i++) {
				long id = app.reloader().refresh();
				assertThat(app.awaitRecord(id).outcome()).isEqualTo(Outcome.REFRESHED);
				assertThat(app.context().getBean("pool")).isSameAs(pool);
				assertThat(pool.isShutdown()).isFalse();
			}
		}
		assertThat(pool.isShutdown()).isTrue();
	}

	@Test
	void projectClassIsRefusedAtStartup() {
		List<String> sources = new ArrayList<>(FullRefreshTests.sources(""));
		sources.addAll(List.of("demo.Broker", PROJECT_BEAN));
		assertThatIllegalStateException().isThrownBy(() -> RefreshingApplication.start(this.temp, sources))
			.havingRootCause()
			.withMessageContaining("@SurvivesRefresh bean 'broker' is of class demo.Broker")
			.withMessageContaining("comes from the project's class directories");
	}

}
