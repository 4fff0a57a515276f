package dev.hotreload.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every benchmark of the suite in its smoke mode (a few iterations), so that none
 * rots: each must measure what it says and write the table, the JSON and the plot.
 * Nothing is asserted on time, which belongs to the full suite on a quiet machine.
 */
class BenchmarkSuiteSmokeTests {

	@Test
	void everyBenchmarkRunsAndIsReported(@TempDir Path output) throws Exception {
		SuiteSettings settings = SuiteSettings.smokeMode();
		Results results = BenchmarkSuite.run(settings, BenchmarkSuite.ALL_PARTS, output);

		assertThat(results.calls()).extracting(ProxyCalls.Call::benchmark)
			.containsOnly("direct", "springAopNoAdvice", "springAopInterceptor", "refreshScope", "reloadableClass",
					"reloadableInterface", "directReference", "springAopNoAdviceReference",
					"springAopInterceptorReference", "refreshScopeReference", "reloadableClassReference",
					"reloadableInterfaceReference");
		// Twelve benchmarks, each at one and at two threads
		assertThat(results.calls()).extracting(ProxyCalls.Call::threads).containsOnly(1, 2);
		assertThat(results.calls()).hasSize(24)
			.allSatisfy((call) -> assertThat(call.medianNanos()).isPositive())
			.allSatisfy((call) -> assertThat(call.bytesPerCall()).isNotNaN());
		assertThat(results.hotReload().latency().count()).isEqualTo(settings.hotReloads());
		AppScenarios.Memory memory = results.hotReload().memory();
		assertThat(memory.reloads()).isEqualTo(settings.memoryReloads());
		assertThat(memory.after().classesLoaded()).isGreaterThan(memory.before().classesLoaded());
		assertThat(memory.after().generationClassLoaders()).isPositive();
		assertThat(results.hotReloadWithDevTools().count()).isEqualTo(settings.hotReloads());
		assertThat(results.devTools().count()).isEqualTo(settings.devToolsRestarts());
		assertThat(results.sourceSaves()).extracting(AppScenarios.SourceSaves::warmUp).containsExactly(true, false);
		assertThat(results.sourceSaves()).allSatisfy((saves) -> {
			assertThat(saves.first().count()).isEqualTo(settings.sourceModeStarts());
			assertThat(saves.warm().count()).isEqualTo(settings.sourceModeStarts() * settings.warmSaves());
		});
		assertThat(results.coldStarts().count()).isEqualTo(settings.coldStarts());
		AppScenarios.RefreshRun refresh = results.fullRefresh();
		assertThat(refresh.latency().count()).isEqualTo(settings.refreshes());
		// One refresh per change in the application's log, the warm-up's included
		assertThat(refresh.refreshesLogged()).isEqualTo(settings.refreshes() + 1);
		assertThat(refresh.memory().reloads()).isEqualTo(settings.refreshes());
		assertThat(refresh.memory().started().refreshClassLoaders()).isPositive();
		assertThat(refresh.memory().after().refreshClassLoaders()).isPositive();
		assertThat(refresh.memory().after().classesLoaded()).isGreaterThan(refresh.memory().before().classesLoaded());

		AppScenarios.ConfigRun config = results.config();
		assertThat(config.hotReload().count()).isEqualTo(settings.configChanges());
		assertThat(config.devTools().count()).isEqualTo(settings.configRestarts());
		assertThat(config.refreshEndpoint().latency().count()).isEqualTo(settings.configChanges());
		assertThat(config.refreshEndpoint().calls().count()).isEqualTo(settings.configChanges());

		assertThat(output.resolve("results.md")).content()
			.contains("| Spring Cloud `@RefreshScope` proxy |", "| Spring Boot DevTools restart (defaults) |",
					"| **hotreload full refresh** |", "refresh class loaders alive",
					"| **hotreload** with DevTools on the classpath too (no restart) |",
					"at most 0.25x a DevTools restart", "the port refused connections for", "hot reload p50",
					"first source save p50 at most 2x a warm one", "the one-interceptor proxy",
					"| Spring Cloud: write, then `POST /actuator/refresh` |",
					"| of which the `POST /actuator/refresh` call alone |",
					"configuration change p50 faster with hot reload than a DevTools restart", "### Goals")
			.doesNotContain("Not measured");
		assertThat(output.resolve("results.json")).content()
			.contains("\"hotReloadMillis\"", "\"memory\"", "\"fullRefreshMillis\"", "\"fullRefreshMemory\"",
					"\"hotReloadWithDevToolsMillis\"", "\"configChanges\"", "\"refreshCallMillis\"");
		assertThat(Files.size(output.resolve("latency.png"))).isPositive();
	}

}
