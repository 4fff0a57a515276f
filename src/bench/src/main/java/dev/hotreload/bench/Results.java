package dev.hotreload.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Everything one run of the suite measured, and where; parts that did not run are
 * {@code null}.
 *
 * @param machine the machine, JDK, date and command
 * @param settings how much was measured
 * @param quietPeriodMillis the hot reload quiet period of a burst the application ran
 * with
 * @param singleFileQuietPeriodMillis the hot reload quiet period of a single file
 * @param calls per-call costs
 * @param hotReload class file changes with hot reload, and memory
 * @param devTools class file changes with a DevTools restart
 * @param sourceSaves source saves with and without the compiler warm-up
 * @param coldStarts cold starts
 * @param fullRefresh changes that need hotreload's full refresh, and memory
 * @param hotReloadWithDevTools class file changes with hot reload while DevTools is on
 * the classpath too
 * @param config configuration file changes with hot reload, DevTools and Spring Cloud's
 * refresh endpoint
 */
record Results(Machine machine, SuiteSettings settings, long quietPeriodMillis, long singleFileQuietPeriodMillis,
		List<ProxyCalls.Call> calls, AppScenarios.@Nullable HotReloadRun hotReload, @Nullable Samples devTools,
		List<AppScenarios.SourceSaves> sourceSaves, @Nullable Samples coldStarts,
		AppScenarios.@Nullable RefreshRun fullRefresh, @Nullable Samples hotReloadWithDevTools,
		AppScenarios.@Nullable ConfigRun config) {

	/**
	 * The figures as a tree of maps and lists, for the raw JSON.
	 * @return the tree
	 */
	Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("machine", this.machine);
		json.put("settings",
				Map.of("smoke", this.settings.smoke(), "hotReloads", this.settings.hotReloads(), "devToolsRestarts",
						this.settings.devToolsRestarts(), "sourceModeStarts", this.settings.sourceModeStarts(),
						"warmSavesPerStart", this.settings.warmSaves(), "memoryReloads", this.settings.memoryReloads(),
						"coldStarts", this.settings.coldStarts(), "refreshes", this.settings.refreshes(),
						"configChanges", this.settings.configChanges(), "configRestarts",
						this.settings.configRestarts()));
		json.put("quietPeriodMillis", this.quietPeriodMillis);
		json.put("singleFileQuietPeriodMillis", this.singleFileQuietPeriodMillis);
		json.put("calls", this.calls);
		if (this.hotReload != null) {
			json.put("hotReloadMillis", samples(this.hotReload.latency()));
			json.put("memory", this.hotReload.memory());
		}
		if (this.hotReloadWithDevTools != null) {
			json.put("hotReloadWithDevToolsMillis", samples(this.hotReloadWithDevTools));
		}
		if (this.devTools != null) {
			json.put("devToolsRestartMillis", samples(this.devTools));
		}
		json.put("sourceSaves",
				this.sourceSaves.stream()
					.map((saves) -> Map.of("warmUp", saves.warmUp(), "firstSaveMillis", samples(saves.first()),
							"warmSaveMillis", samples(saves.warm())))
					.toList());
		if (this.coldStarts != null) {
			json.put("coldStartMillis", samples(this.coldStarts));
		}
		if (this.fullRefresh != null) {
			json.put("fullRefreshMillis", samples(this.fullRefresh.latency()));
			json.put("fullRefreshPortDownMillis", samples(this.fullRefresh.portDown()));
			json.put("fullRefreshMemory", this.fullRefresh.memory());
			json.put("fullRefreshesLogged", this.fullRefresh.refreshesLogged());
		}
		if (this.config != null) {
			Map<String, Object> config = new LinkedHashMap<>();
			config.put("hotReloadMillis", samples(this.config.hotReload()));
			config.put("devToolsRestartMillis", samples(this.config.devTools()));
			config.put("refreshEndpointMillis", samples(this.config.refreshEndpoint().latency()));
			config.put("refreshCallMillis", samples(this.config.refreshEndpoint().calls()));
			json.put("configChanges", config);
		}
		return json;
	}

	private static Map<String, Object> samples(Samples samples) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("count", samples.count());
		json.put("p50", samples.p50());
		json.put("p95", samples.p95());
		json.put("min", samples.min());
		json.put("max", samples.max());
		json.put("values", samples.values());
		return json;
	}

	/**
	 * Where and when the suite ran.
	 *
	 * @param date the UTC time the run started
	 * @param jdk the JDK's vendor and version
	 * @param os the operating system and architecture
	 * @param cpu the processor model
	 * @param processors the processors available to the JVM
	 * @param loadAverage the one-minute load average when the run started and ended
	 * @param command the command that ran the suite
	 */
	record Machine(String date, String jdk, String os, String cpu, int processors, String loadAverage, String command) {

	}

}
