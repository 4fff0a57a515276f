package dev.hotreload.bench;

import java.awt.Color;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.hotreload.autoconfigure.HotReloadProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;
import org.springframework.util.FileSystemUtils;

/**
 * Runs the whole benchmark suite and writes {@code results.md} (the tables),
 * {@code results.json} (every measured value) and {@code latency.png} (the latency
 * distributions) into the output directory.
 * <p>
 * Arguments: {@code --output=DIR} (default {@code target/benchmarks}),
 * {@code --mode=smoke} for a few iterations of everything,
 * {@code --parts=calls,hotreload,hotreload-devtools,devtools,refresh,source,cold,config}
 * to run only some parts ({@code refresh} is hotreload's full refresh, {@code config} a
 * configuration file change with hot reload, DevTools and Spring Cloud's refresh),
 * {@code --replot=results.json} to draw the plot of an earlier run again. The system
 * property {@code sample.sources} names the sample app's source directory.
 */
public final class BenchmarkSuite {

	/**
	 * The command of the README that runs the full suite.
	 */
	public static final String COMMAND = "./mvnw -B -ntp -pl src/bench -am verify -DskipTests -Pbenchmarks";

	static final Set<String> ALL_PARTS = Set.of("calls", "hotreload", "hotreload-devtools", "devtools", "refresh",
			"source", "cold", "config");

	private BenchmarkSuite() {
	}

	/**
	 * Run the suite.
	 * @param args see the class description
	 * @throws Exception if a benchmark fails
	 */
	public static void main(String[] args) throws Exception {
		Path output = Path.of("target/benchmarks");
		SuiteSettings settings = SuiteSettings.fullSuite();
		Set<String> parts = new LinkedHashSet<>(ALL_PARTS);
		for (String arg : args) {
			if (arg.startsWith("--output=")) {
				output = Path.of(arg.substring("--output=".length()));
			}
			else if (arg.equals("--mode=smoke")) {
				settings = SuiteSettings.smokeMode();
			}
			else if (arg.equals("--mode=full")) {
				settings = SuiteSettings.fullSuite();
			}
			else if (arg.startsWith("--replot=")) {
				Path results = Path.of(arg.substring("--replot=".length()));
				plot(JsonMapper.builder().build().readValue(results.toFile(), Map.class),
						results.resolveSibling("latency.png"));
				return;
			}
			else if (arg.startsWith("--parts=")) {
				parts = new LinkedHashSet<>(Arrays.asList(arg.substring("--parts=".length()).split(",")));
				Set<String> unknown = new LinkedHashSet<>(parts);
				unknown.removeAll(ALL_PARTS);
				Assert.isTrue(unknown.isEmpty(), () -> "Unknown parts " + unknown + "; the parts are " + ALL_PARTS);
			}
			else {
				throw new IllegalArgumentException("Unknown argument " + arg);
			}
		}
		Results results = run(settings, parts, output);
		System.out.println(MarkdownReport.write(results));
		System.out.println("Written to " + output.toAbsolutePath());
		// JMH and HTTP clients may leave non-daemon threads behind.
		System.exit(0);
	}

	/**
	 * Run the suite.
	 * @param settings how much to measure
	 * @param parts which parts to run
	 * @param output where the results go
	 * @return the results
	 * @throws Exception if a benchmark fails
	 */
	static Results run(SuiteSettings settings, Set<String> parts, Path output) throws Exception {
		String started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
		String loadAtStart = loadAverage();
		Files.createDirectories(output);
		Path work = output.resolve("work");
		FileSystemUtils.deleteRecursively(work);
		Files.createDirectories(work);
		List<ProxyCalls.Call> calls = parts.contains("calls") ? ProxyCalls.run(settings) : List.of();
		AppScenarios apps = new AppScenarios(AppClasspath.ofThisJvm(), settings, work,
				Path.of(System.getProperty("sample.sources", "../../sample-app/src/main/java")));
		AppScenarios.HotReloadRun hotReload = parts.contains("hotreload") ? apps.hotReload() : null;
		Samples withDevTools = parts.contains("hotreload-devtools") ? apps.hotReloadWithDevTools() : null;
		Samples devTools = parts.contains("devtools") ? apps.devToolsRestart() : null;
		AppScenarios.RefreshRun fullRefresh = parts.contains("refresh") ? apps.fullRefresh() : null;
		List<AppScenarios.SourceSaves> sourceSaves = new ArrayList<>();
		if (parts.contains("source")) {
			sourceSaves.add(apps.sourceSaves(true));
			sourceSaves.add(apps.sourceSaves(false));
		}
		Samples coldStarts = parts.contains("cold") ? apps.coldStarts() : null;
		AppScenarios.ConfigRun config = parts.contains("config") ? apps.configChanges() : null;
		HotReloadProperties.Watch watch = new HotReloadProperties().getWatch();
		long quietPeriod = watch.getQuietPeriod().toMillis();
		long singleFileQuietPeriod = watch.getSingleFileQuietPeriod().toMillis();
		Results.Machine machine = new Results.Machine(started,
				System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
				System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
						+ System.getProperty("os.arch"),
				cpu(), Runtime.getRuntime().availableProcessors(), loadAtStart + " / " + loadAverage(),
				settings.smoke() ? COMMAND + " -Dbenchmarks.mode=smoke" : COMMAND);
		Results results = new Results(machine, settings, quietPeriod, singleFileQuietPeriod, calls, hotReload, devTools,
				sourceSaves, coldStarts, fullRefresh, withDevTools, config);
		Files.writeString(output.resolve("results.md"), MarkdownReport.write(results));
		Map<String, Object> json = results.toJson();
		JsonMapper mapper = JsonMapper.builder().build();
		mapper.writerWithDefaultPrettyPrinter().writeValue(output.resolve("results.json").toFile(), json);
		plot(mapper.readValue(output.resolve("results.json").toFile(), Map.class), output.resolve("latency.png"));
		return results;
	}

	// From the JSON, so that --replot draws the same plot from an earlier run's file.
	@SuppressWarnings("unchecked")
	private static void plot(Map<String, Object> json, Path file) throws IOException {
		List<LatencyPlot.Series> series = new ArrayList<>();
		addSeries(series, "hotreload, class file change", new Color(31, 119, 180), json.get("hotReloadMillis"));
		addSeries(series, "hotreload with DevTools present, class file change", new Color(23, 190, 207),
				json.get("hotReloadWithDevToolsMillis"));
		for (Map<String, Object> saves : (List<Map<String, Object>>) json.get("sourceSaves")) {
			if (Boolean.TRUE.equals(saves.get("warmUp"))) {
				addSeries(series, "hotreload, warm source save", new Color(44, 160, 44), saves.get("warmSaveMillis"));
				addSeries(series, "hotreload, first source save", new Color(255, 127, 14),
						saves.get("firstSaveMillis"));
			}
		}
		addSeries(series, "hotreload full refresh", new Color(148, 103, 189), json.get("fullRefreshMillis"));
		addSeries(series, "DevTools restart, class file change", new Color(214, 39, 40),
				json.get("devToolsRestartMillis"));
		addSeries(series, "cold start of a new JVM", new Color(127, 127, 127), json.get("coldStartMillis"));
		if (!series.isEmpty()) {
			Map<String, Object> machine = (Map<String, Object>) json.get("machine");
			LatencyPlot.write("Sample app: change to new answer over HTTP, " + machine.get("date"), series, file);
		}
	}

	@SuppressWarnings("unchecked")
	private static void addSeries(List<LatencyPlot.Series> series, String name, Color color, @Nullable Object samples) {
		if (samples instanceof Map<?, ?> map && map.get("values") instanceof List<?> values) {
			series.add(new LatencyPlot.Series(name, color,
					new Samples(((List<Number>) values).stream().map(Number::doubleValue).toList())));
		}
	}

	private static String loadAverage() {
		double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		return (load >= 0) ? String.format(java.util.Locale.ROOT, "%.2f", load) : "n/a";
	}

	private static String cpu() {
		@Nullable String model = null;
		try {
			model = Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst()
				.orElse(null);
		}
		catch (IOException ex) {
			// Not Linux
		}
		return (model != null) ? model : System.getProperty("os.arch");
	}

}
