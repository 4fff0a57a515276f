package dev.hotreload.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.springframework.util.Assert;
import org.springframework.util.FileSystemUtils;

/**
 * The benchmarks that run the sample application in JVMs of its own: class file changes
 * with hot reload and with a DevTools restart, changes that need hotreload's full
 * refresh, source saves, memory after many reloads and refreshes, configuration file
 * changes with hot reload, DevTools and Spring Cloud's refresh, and cold starts. Each JVM
 * gets a class directory of its own under the work directory, named
 * {@code target/classes} as a build names it, since hot reload watches only build output
 * directories.
 */
final class AppScenarios {

	private static final String VISIT_COUNTER_SOURCE = "dev/hotreload/sample/VisitCounter.java";

	private static final Duration CHANGE_TIMEOUT = Duration.ofSeconds(60);

	private static final String STARTED = "Started SampleApplication";

	private static final Duration DEVTOOLS_RESTART_WINDOW = Duration.ofSeconds(3);

	private static final String RECONFIGURED = "Reconfigured 1 property (sample.greeting)";

	private static final int CONFIG_WARM_UP = 3;

	private final AppClasspath classpath;

	private final SuiteSettings settings;

	private final Path work;

	private final Path sampleSources;

	private int runs;

	AppScenarios(AppClasspath classpath, SuiteSettings settings, Path work, Path sampleSources) {
		Assert.isTrue(Files.isRegularFile(sampleSources.resolve(VISIT_COUNTER_SOURCE)),
				() -> "No sample sources in " + sampleSources);
		this.classpath = classpath;
		this.settings = settings;
		this.work = work;
		this.sampleSources = sampleSources;
	}

	/**
	 * Time class file changes with hot reload, then measure memory over many more reloads
	 * of the same bean in the same JVM.
	 * @return the latencies and the memory figures
	 * @throws IOException if the application cannot be run
	 */
	HotReloadRun hotReload() throws IOException {
		Path classes = this.classpath.copySampleClasses(runDirectory("hotreload").resolve("target/classes"));
		try (SampleApp app = SampleApp.launch(classes, this.classpath.libraries(false),
				List.of("--spring.profiles.active=dev"), classes.resolveSibling("app.log"))) {
			app.awaitFirstAnswer();
			app.awaitLog("Hot reload is watching", CHANGE_TIMEOUT);
			JvmStats.Snapshot started = JvmStats.afterFullGc(app.pid());
			ClassFileReloads reloads = new ClassFileReloads(app, new GreetingVersions(classes));
			reloads.measure(5, CHANGE_TIMEOUT, Duration.ofMillis(50));
			Samples latency = reloads.measure(this.settings.hotReloads(), CHANGE_TIMEOUT, Duration.ofMillis(100));
			JvmStats.Snapshot before = JvmStats.afterFullGc(app.pid());
			reloads.measure(this.settings.memoryReloads(), CHANGE_TIMEOUT, Duration.ofMillis(5));
			JvmStats.Snapshot after = JvmStats.afterFullGc(app.pid());
			return new HotReloadRun(latency, new Memory(this.settings.memoryReloads(), started, before, after));
		}
	}

	/**
	 * Time the same class file changes with hot reload while Spring Boot DevTools, at its
	 * defaults, is on the classpath too, as in most applications: hot reload decides on
	 * the class files of its directories and DevTools must not restart for them.
	 * @return the latencies
	 * @throws IOException if the application cannot be run
	 * @throws IllegalStateException if DevTools restarted the application
	 */
	Samples hotReloadWithDevTools() throws IOException {
		Path classes = this.classpath.copySampleClasses(runDirectory("hotreload-devtools").resolve("target/classes"));
		try (SampleApp app = SampleApp.launch(classes, this.classpath.libraries(true),
				List.of("--spring.profiles.active=dev", "--spring.devtools.livereload.enabled=false"),
				classes.resolveSibling("app.log"))) {
			app.awaitFirstAnswer();
			app.awaitLog("Hot reload is watching", CHANGE_TIMEOUT);
			Assert.state(app.log().contains("restartedMain"), "The application does not run on DevTools' restarter");
			int starts = app.logCount(STARTED);
			ClassFileReloads reloads = new ClassFileReloads(app, new GreetingVersions(classes));
			reloads.measure(5, CHANGE_TIMEOUT, Duration.ofMillis(50));
			Samples latency = reloads.measure(this.settings.hotReloads(), CHANGE_TIMEOUT, Duration.ofMillis(100));
			// Past DevTools' poll interval and quiet period, it would have restarted by
			// now.
			LockSupport.parkNanos(DEVTOOLS_RESTART_WINDOW.toNanos());
			Assert.state(app.logCount(STARTED) == starts,
					() -> "DevTools restarted the application for a class file that hot reload reloaded");
			return latency;
		}
	}

	/**
	 * Time the same class file changes with Spring Boot DevTools, at its defaults, on the
	 * classpath instead of hot reload; the first restart is not counted.
	 * @return the latencies
	 * @throws IOException if the application cannot be run
	 */
	Samples devToolsRestart() throws IOException {
		Path classes = this.classpath.copySampleClasses(runDirectory("devtools").resolve("target/classes"));
		// LiveReload's fixed port would clash with other builds; it plays no part in a
		// restart.
		try (SampleApp app = SampleApp.launch(classes, this.classpath.libraries(true),
				List.of("--spring.devtools.livereload.enabled=false"), classes.resolveSibling("app.log"))) {
			app.awaitFirstAnswer();
			ClassFileReloads restarts = new ClassFileReloads(app, new GreetingVersions(classes));
			restarts.measure(1, CHANGE_TIMEOUT, Duration.ofMillis(500));
			Samples samples = restarts.measure(this.settings.devToolsRestarts(), CHANGE_TIMEOUT,
					Duration.ofMillis(500));
			Assert.state(app.log().contains("restartedMain"), "DevTools did not restart the application");
			return samples;
		}
	}

	/**
	 * Time changes that need a full refresh, with the {@code dev} profile and no
	 * DevTools: each a {@code SampleController} with a new mapping, which hot reload
	 * cannot apply in place, so that it goes to one refresh of the application in the
	 * same JVM, and how long the port refused connections during each. One refresh warms
	 * up; memory is read before and after the measured ones.
	 * @return the latencies, the memory figures and the refreshes the log showed
	 * @throws IOException if the application cannot be run
	 */
	RefreshRun fullRefresh() throws IOException {
		Path classes = this.classpath.copySampleClasses(runDirectory("refresh").resolve("target/classes"));
		try (SampleApp app = SampleApp.launch(classes, this.classpath.libraries(false),
				List.of("--spring.profiles.active=dev"), classes.resolveSibling("app.log"))) {
			app.awaitFirstAnswer();
			app.awaitLog(FullRefreshes.REFRESHER_ON, CHANGE_TIMEOUT);
			app.awaitLog(FullRefreshes.WATCHING, CHANGE_TIMEOUT);
			JvmStats.Snapshot started = JvmStats.afterFullGc(app.pid());
			FullRefreshes refreshes = new FullRefreshes(app, new RefreshVersions(new GreetingVersions(classes)));
			refreshes.measure(1, CHANGE_TIMEOUT, Duration.ofMillis(500));
			JvmStats.Snapshot before = JvmStats.afterFullGc(app.pid());
			Samples latency = refreshes.measure(this.settings.refreshes(), CHANGE_TIMEOUT, Duration.ofMillis(500));
			JvmStats.Snapshot after = JvmStats.afterFullGc(app.pid());
			return new RefreshRun(latency, refreshes.portDown(),
					new Memory(this.settings.refreshes(), started, before, after), refreshes.refreshesLogged());
		}
	}

	/**
	 * Time source saves in source mode: in each of several fresh JVMs the first save,
	 * made a while after the first answer, then warm saves.
	 * @param warmUp whether the compiler warms up in the background
	 * @return the first saves and the warm saves
	 * @throws IOException if the application cannot be run
	 */
	SourceSaves sourceSaves(boolean warmUp) throws IOException {
		List<Double> first = new ArrayList<>();
		List<Double> warm = new ArrayList<>();
		for (int start = 0; start < this.settings.sourceModeStarts(); start++) {
			Path project = runDirectory("source");
			Path classes = this.classpath.copySampleClasses(project.resolve("target/classes"));
			Path sources = project.resolve("src/main/java");
			FileSystemUtils.copyRecursively(this.sampleSources, sources);
			Path source = sources.resolve(VISIT_COUNTER_SOURCE);
			String original = Files.readString(source);
			try (SampleApp app = SampleApp.launch(classes, this.classpath.libraries(false),
					List.of("--spring.profiles.active=dev", "--hotreload.source.warm-up=" + warmUp),
					project.resolve("app.log"))) {
				app.awaitFirstAnswer();
				app.awaitLog("Source mode is on", CHANGE_TIMEOUT);
				LockSupport.parkNanos(this.settings.firstSaveDelay().toNanos());
				for (int save = 0; save <= this.settings.warmSaves(); save++) {
					String greeting = "Saved " + save + ", visitor #";
					long begin = System.nanoTime();
					Files.writeString(source, original.replace(GreetingVersions.ORIGINAL, greeting));
					app.awaitMessage((message) -> message.startsWith(greeting), CHANGE_TIMEOUT);
					double millis = (System.nanoTime() - begin) / 1_000_000.0;
					((save == 0) ? first : warm).add(millis);
					LockSupport.parkNanos(Duration.ofMillis(300).toNanos());
				}
			}
		}
		return new SourceSaves(warmUp, new Samples(first), new Samples(warm));
	}

	/**
	 * Time changes of {@code sample.greeting} in {@code application.properties} to the
	 * first answer of {@code GET /greeting} with the new value, in three JVMs: hot reload
	 * ({@code dev} profile, no DevTools), a DevTools restart at its defaults (hot reload
	 * off), and Spring Cloud's context on the classpath (hot reload off), where each
	 * write is followed by {@code POST /actuator/refresh}, which rebinds
	 * {@code SampleProperties} as every {@code @ConfigurationProperties} bean.
	 * @return the latencies and the times of the refresh calls
	 * @throws IOException if the application cannot be run
	 * @throws IllegalStateException if the application restarted or refreshed other than
	 * once per change where it must
	 */
	ConfigRun configChanges() throws IOException {
		return new ConfigRun(configWithHotReload(), configWithDevTools(), configWithRefreshEndpoint());
	}

	private Samples configWithHotReload() throws IOException {
		Path classes = this.classpath.copySampleClasses(runDirectory("config-hotreload").resolve("target/classes"));
		try (SampleApp app = SampleApp.launch(classes, this.classpath.libraries(false),
				List.of("--spring.profiles.active=dev"), classes.resolveSibling("app.log"))) {
			app.awaitFirstAnswer();
			app.awaitLog("Hot reload is watching", CHANGE_TIMEOUT);
			ConfigChanges changes = ConfigChanges.watched(app, new GreetingConfigs(classes));
			changes.measure(CONFIG_WARM_UP, CHANGE_TIMEOUT, Duration.ofMillis(100));
			Samples latency = changes.measure(this.settings.configChanges(), CHANGE_TIMEOUT, Duration.ofMillis(100));
			int changed = CONFIG_WARM_UP + this.settings.configChanges();
			app.awaitLogCount(RECONFIGURED, changed, CHANGE_TIMEOUT);
			Assert.state(app.logCount(RECONFIGURED) == changed && app.logCount(STARTED) == 1,
					() -> "Not one reconfiguration per change and no refresh:\n" + app.tail());
			return latency;
		}
	}

	private Samples configWithDevTools() throws IOException {
		Path classes = this.classpath.copySampleClasses(runDirectory("config-devtools").resolve("target/classes"));
		try (SampleApp app = SampleApp.launch(classes, this.classpath.libraries(true),
				List.of("--spring.devtools.livereload.enabled=false"), classes.resolveSibling("app.log"))) {
			app.awaitFirstAnswer();
			ConfigChanges changes = ConfigChanges.watched(app, new GreetingConfigs(classes));
			changes.measure(1, CHANGE_TIMEOUT, Duration.ofMillis(500));
			Samples latency = changes.measure(this.settings.configRestarts(), CHANGE_TIMEOUT, Duration.ofMillis(500));
			int runs = 2 + this.settings.configRestarts();
			app.awaitLogCount(STARTED, runs, CHANGE_TIMEOUT);
			LockSupport.parkNanos(DEVTOOLS_RESTART_WINDOW.toNanos());
			Assert.state(app.logCount(STARTED) == runs && app.log().contains("restartedMain"),
					() -> "Not one DevTools restart per change:\n" + app.tail());
			return latency;
		}
	}

	private RefreshEndpointRun configWithRefreshEndpoint() throws IOException {
		Path classes = this.classpath.copySampleClasses(runDirectory("config-refresh").resolve("target/classes"));
		// Exposed for this baseline only, as a Spring Cloud user exposes it.
		try (SampleApp app = SampleApp.launch(classes, this.classpath.librariesWithSpringCloud(),
				List.of("--management.endpoints.web.exposure.include=refresh"), classes.resolveSibling("app.log"))) {
			app.awaitFirstAnswer();
			ConfigChanges changes = ConfigChanges.refreshedByEndpoint(app, new GreetingConfigs(classes));
			changes.measure(CONFIG_WARM_UP, CHANGE_TIMEOUT, Duration.ofMillis(100));
			Samples latency = changes.measure(this.settings.configChanges(), CHANGE_TIMEOUT, Duration.ofMillis(100));
			Assert.state(app.logCount(STARTED) == 1 && app.logCount("Reconfigured") == 0,
					() -> "The application restarted, or hot reload applied the file:\n" + app.tail());
			return new RefreshEndpointRun(latency, new Samples(changes.refreshCalls()));
		}
	}

	/**
	 * Time cold starts of the sample application, without hot reload or DevTools, from
	 * the launch of the JVM to the first answer.
	 * @return the start times
	 * @throws IOException if the application cannot be run
	 */
	Samples coldStarts() throws IOException {
		List<Double> millis = new ArrayList<>();
		Path classes = this.classpath.copySampleClasses(runDirectory("cold").resolve("target/classes"));
		for (int i = 0; i < this.settings.coldStarts(); i++) {
			try (SampleApp app = SampleApp.launch(classes, this.classpath.libraries(false), List.of(),
					classes.resolveSibling("app-" + i + ".log"))) {
				millis.add(app.awaitFirstAnswer());
			}
		}
		return new Samples(millis);
	}

	private Path runDirectory(String name) throws IOException {
		this.runs++;
		return Files.createDirectories(this.work.resolve(name + "-" + this.runs));
	}

	/**
	 * What one JVM with hot reload measured.
	 *
	 * @param latency class file change to new answer, ms
	 * @param memory memory figures
	 */
	record HotReloadRun(Samples latency, Memory memory) {

	}

	/**
	 * What one JVM with hotreload's full refresh measured.
	 *
	 * @param latency change that needs a refresh to new answer, ms
	 * @param portDown the longest time the port refused connections during each change,
	 * ms
	 * @param memory memory figures; its {@code reloads} are the measured refreshes
	 * @param refreshesLogged the refreshes that the application's log shows, the warm-up
	 * included
	 */
	record RefreshRun(Samples latency, Samples portDown, Memory memory, int refreshesLogged) {

	}

	/**
	 * Configuration file changes to the first answer with the new value, ms.
	 *
	 * @param hotReload applied by hot reload
	 * @param devTools applied by a DevTools restart
	 * @param refreshEndpoint applied by Spring Cloud's {@code /actuator/refresh}
	 */
	record ConfigRun(Samples hotReload, Samples devTools, RefreshEndpointRun refreshEndpoint) {

	}

	/**
	 * Configuration file changes each followed by {@code POST /actuator/refresh}, ms.
	 *
	 * @param latency from the write to the first answer with the new value, the call
	 * included
	 * @param calls the refresh calls alone, from the request to the end of the answer
	 */
	record RefreshEndpointRun(Samples latency, Samples calls) {

	}

	/**
	 * Memory of the JVM, each snapshot after a full GC.
	 *
	 * @param reloads the reloads (or full refreshes) between {@code before} and
	 * {@code after}
	 * @param started once the application answered, before any reload
	 * @param before before the reloads (after the warm-up or the latency runs)
	 * @param after after the reloads
	 */
	record Memory(int reloads, JvmStats.Snapshot started, JvmStats.Snapshot before, JvmStats.Snapshot after) {

		double metaspaceGrowthMb() {
			return this.after.metaspaceUsedMb() - this.before.metaspaceUsedMb();
		}

	}

	/**
	 * Source saves to new answer, ms.
	 *
	 * @param warmUp whether the compiler warmed up in the background
	 * @param first the first save of each JVM
	 * @param warm the later saves
	 */
	record SourceSaves(boolean warmUp, Samples first, Samples warm) {

	}

}
