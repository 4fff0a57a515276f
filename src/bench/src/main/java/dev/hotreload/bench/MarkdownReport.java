package dev.hotreload.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToLongFunction;

import org.jspecify.annotations.Nullable;

/**
 * Writes the figures of one run as Markdown tables, with ratios against the baselines of
 * the same run and whether each goal is met.
 */
final class MarkdownReport {

	private static final List<String[]> CALLS = List.of(new String[] { "direct", "direct call" },
			new String[] { "springAopNoAdvice", "Spring AOP CGLIB proxy, no advice" },
			new String[] { "springAopInterceptor", "Spring AOP CGLIB proxy, one pass-through interceptor" },
			new String[] { "refreshScope", "Spring Cloud `@RefreshScope` proxy" },
			new String[] { "reloadableClass", "**hotreload, class-based bean (CGLIB)**" },
			new String[] { "reloadableInterface", "**hotreload, interface-based bean (JDK proxy)**" },
			new String[] { "directReference", "direct call, returning a reference" },
			new String[] { "springAopNoAdviceReference", "Spring AOP CGLIB proxy, no advice, returning a reference" },
			new String[] { "springAopInterceptorReference",
					"Spring AOP CGLIB proxy, one pass-through interceptor, returning a reference" },
			new String[] { "refreshScopeReference", "Spring Cloud `@RefreshScope` proxy, returning a reference" },
			new String[] { "reloadableClassReference",
					"**hotreload, class-based bean (CGLIB), returning a reference**" },
			new String[] { "reloadableInterfaceReference",
					"**hotreload, interface-based bean (JDK proxy), returning a reference**" });

	private static final String REFERENCE = "Reference";

	// A boxed long, the one allocation a call returning a primitive may make.
	private static final int BOXED_LONG_BYTES = 24;

	private final Results results;

	private final StringBuilder out = new StringBuilder();

	private MarkdownReport(Results results) {
		this.results = results;
	}

	static String write(Results results) {
		return new MarkdownReport(results).render();
	}

	private String render() {
		Results.Machine machine = this.results.machine();
		line("Run of %s%s on %s, %s, %d processors, %s; load average (1 min) at start and end: %s.", machine.date(),
				this.results.settings().smoke() ? " (smoke mode: too few iterations for any conclusion)" : "",
				machine.cpu(), machine.os(), machine.processors(), machine.jdk(), machine.loadAverage());
		line("");
		line("Command: `%s`", machine.command());
		line("");
		calls();
		latency();
		sourceSaves();
		memory();
		fullRefresh();
		configChanges();
		goals();
		return this.out.toString();
	}

	private void calls() {
		if (this.results.calls().isEmpty()) {
			return;
		}
		line("### Per call (JMH, `-prof gc`, all threads on one target)");
		line("");
		line("Median ns per call over the measured iterations, [fastest–slowest iteration], and bytes allocated "
				+ "per call; ratios against `@RefreshScope` and the no-advice proxy of the same run.");
		line("");
		line("| call | 1 thread | B/call | 2 threads | B/call | vs `@RefreshScope` (1 / 2 threads) "
				+ "| vs no-advice proxy (1 / 2 threads) |");
		line("|---|---|---|---|---|---|---|");
		for (String[] call : CALLS) {
			Optional<ProxyCalls.Call> one = call(call[0], 1);
			Optional<ProxyCalls.Call> two = call(call[0], 2);
			// A call returning a reference is compared with the baselines returning one
			// too.
			String variant = call[0].endsWith(REFERENCE) ? REFERENCE : "";
			line("| %s | %s | %s | %s | %s | %s / %s | %s / %s |", call[1], nanos(one), bytes(one), nanos(two),
					bytes(two), ratio(one, call("refreshScope" + variant, 1)),
					ratio(two, call("refreshScope" + variant, 2)), ratio(one, call("springAopNoAdvice" + variant, 1)),
					ratio(two, call("springAopNoAdvice" + variant, 2)));
		}
		line("");
	}

	private void latency() {
		AppScenarios.HotReloadRun hotReload = this.results.hotReload();
		Samples devTools = this.results.devTools();
		Samples cold = this.results.coldStarts();
		if (hotReload == null && devTools == null && cold == null) {
			return;
		}
		line("### Class file change to the first HTTP answer by the new code");
		line("");
		line("A new `VisitCounter.class` moved atomically into the class directory of the running sample app, "
				+ "then `GET /hello` about once a millisecond until the new greeting answers. Milliseconds.");
		line("");
		line("| | changes | p50 | p95 | min | max | p50 vs hot reload |");
		line("|---|---|---|---|---|---|---|");
		Samples ours = (hotReload != null) ? hotReload.latency() : null;
		if (ours != null) {
			row("**hotreload** (quiet period " + this.results.singleFileQuietPeriodMillis() + " ms for one file, "
					+ this.results.quietPeriodMillis() + " ms for a burst)", ours, ours);
		}
		Samples withDevTools = this.results.hotReloadWithDevTools();
		if (withDevTools != null) {
			row("**hotreload** with DevTools on the classpath too (no restart)", withDevTools, ours);
		}
		if (devTools != null) {
			row("Spring Boot DevTools restart (defaults)", devTools, ours);
		}
		if (cold != null) {
			row("cold start of a new JVM, launch to first answer", cold, ours);
		}
		line("");
	}

	private void row(String what, Samples samples, @Nullable Samples ours) {
		line("| %s | %d | %s | %s | %s | %s | %s |", what, samples.count(), ms(samples.p50()), ms(samples.p95()),
				ms(samples.min()), ms(samples.max()),
				(ours != null) ? format("%.1fx", samples.p50() / ours.p50()) : "");
	}

	private void sourceSaves() {
		if (this.results.sourceSaves().isEmpty()) {
			return;
		}
		line("### Source mode: save of `VisitCounter.java` to the first HTTP answer by the new code");
		line("");
		line("Each JVM makes its first save %d ms after its first answer (and after the log says source mode is on), "
				+ "then warm saves 0.3 s apart. Milliseconds.", this.results.settings().firstSaveDelay().toMillis());
		line("");
		line("| compiler warm-up | first saves (JVMs) | first p50 | first p95 | warm saves | warm p50 | warm p95 "
				+ "| first p50 / warm p50 |");
		line("|---|---|---|---|---|---|---|---|");
		for (AppScenarios.SourceSaves saves : this.results.sourceSaves()) {
			line("| %s | %d | %s | %s | %d | %s | %s | %.2f |", saves.warmUp() ? "**on** (default)" : "off",
					saves.first().count(), ms(saves.first().p50()), ms(saves.first().p95()), saves.warm().count(),
					ms(saves.warm().p50()), ms(saves.warm().p95()), saves.first().p50() / saves.warm().p50());
		}
		line("");
	}

	private void memory() {
		AppScenarios.HotReloadRun hotReload = this.results.hotReload();
		if (hotReload == null) {
			return;
		}
		memoryTable(format("Memory after %d hot reloads of one bean", hotReload.memory().reloads()), "reloads",
				hotReload.memory(), "generation class loaders alive", JvmStats.Snapshot::generationClassLoaders);
	}

	private void memoryTable(String title, String changes, AppScenarios.Memory memory, String loaders,
			ToLongFunction<JvmStats.Snapshot> liveLoaders) {
		line("### %s (each after a full GC)", title);
		line("");
		line("| | started | before the %d %s | after them | growth |", memory.reloads(), changes);
		line("|---|---|---|---|---|");
		JvmStats.Snapshot started = memory.started();
		JvmStats.Snapshot before = memory.before();
		JvmStats.Snapshot after = memory.after();
		line("| metaspace used (MB) | %.1f | %.1f | %.1f | %+.1f |", started.metaspaceUsedMb(),
				before.metaspaceUsedMb(), after.metaspaceUsedMb(), memory.metaspaceGrowthMb());
		line("| classes loaded (total) | %d | %d | %d | %+d |", started.classesLoaded(), before.classesLoaded(),
				after.classesLoaded(), after.classesLoaded() - before.classesLoaded());
		line("| classes unloaded (total) | %d | %d | %d | %+d |", started.classesUnloaded(), before.classesUnloaded(),
				after.classesUnloaded(), after.classesUnloaded() - before.classesUnloaded());
		line("| %s | %d | %d | %d | %+d |", loaders, liveLoaders.applyAsLong(started), liveLoaders.applyAsLong(before),
				liveLoaders.applyAsLong(after), liveLoaders.applyAsLong(after) - liveLoaders.applyAsLong(before));
		line("| heap used (MB) | %.1f | %.1f | %.1f | %+.1f |", started.heapUsedMb(), before.heapUsedMb(),
				after.heapUsedMb(), after.heapUsedMb() - before.heapUsedMb());
		line("");
	}

	private void fullRefresh() {
		AppScenarios.RefreshRun refresh = this.results.fullRefresh();
		if (refresh == null) {
			return;
		}
		line("### Full refresh: a change that needs one to the first HTTP answer by the new code");
		line("");
		line("A new `SampleController.class` with a new mapping (`GET /refresh-marker/<N>`), moved atomically into "
				+ "the class directory: the controller is not a reloadable bean, so hot reload cannot apply a new "
				+ "method in place and the change goes to one full refresh of the application in the same JVM "
				+ "(`dev` profile, no DevTools; %d refreshes in the log, the warm-up included). The timer starts "
				+ "after the move; then the new path is called about once a millisecond until it answers. Beside "
				+ "it, the longest time the port refused connections during each refresh, probed about once a "
				+ "millisecond. The DevTools restart and the cold start are those of the same run, above. "
				+ "Milliseconds.", refresh.refreshesLogged());
		line("");
		line("| | changes | p50 | p95 | min | max | p50 vs full refresh |");
		line("|---|---|---|---|---|---|---|");
		Samples ours = refresh.latency();
		row("**hotreload full refresh**", ours, ours);
		row("port refusing connections during the refresh", refresh.portDown(), ours);
		if (this.results.devTools() != null) {
			row("Spring Boot DevTools restart (defaults)", this.results.devTools(), ours);
		}
		if (this.results.coldStarts() != null) {
			row("cold start of a new JVM, launch to first answer", this.results.coldStarts(), ours);
		}
		line("");
		memoryTable(format("Memory after %d full refreshes", refresh.memory().reloads()), "refreshes", refresh.memory(),
				"refresh class loaders alive", JvmStats.Snapshot::refreshClassLoaders);
	}

	private void configChanges() {
		AppScenarios.ConfigRun config = this.results.config();
		if (config == null) {
			return;
		}
		line("### Configuration file change to the first HTTP answer with the new value");
		line("");
		line("A new `application.properties` with a new `sample.greeting`, written next to the class directory of the "
				+ "running sample app and moved in atomically, then `GET /greeting` about once a millisecond until it "
				+ "answers the new value. Hot reload runs with the `dev` profile and no DevTools; DevTools at its "
				+ "defaults with hot reload off (the `dev` profile not active); Spring Cloud with "
				+ "`spring-cloud-context` on the classpath, hot reload off and "
				+ "`management.endpoints.web.exposure.include=refresh`, each write followed by "
				+ "`POST /actuator/refresh`, which rebinds `SampleProperties` as every `@ConfigurationProperties` "
				+ "bean (a `@RefreshScope` bean would be rebuilt by the same call). Milliseconds.");
		line("");
		line("| | changes | p50 | p95 | min | max | p50 vs hot reload |");
		line("|---|---|---|---|---|---|---|");
		Samples ours = config.hotReload();
		row("**hotreload** (`dev` profile)", ours, ours);
		row("Spring Cloud: write, then `POST /actuator/refresh`", config.refreshEndpoint().latency(), ours);
		row("of which the `POST /actuator/refresh` call alone", config.refreshEndpoint().calls(), ours);
		row("Spring Boot DevTools restart (defaults)", config.devTools(), ours);
		line("");
	}

	private void goals() {
		List<String> goals = new ArrayList<>();
		AppScenarios.HotReloadRun hotReload = this.results.hotReload();
		if (hotReload != null) {
			double p50 = hotReload.latency().p50();
			goals.add(goal(p50 <= 30, "hot reload p50 %s <= 30 ms", ms(p50)));
			if (this.results.devTools() != null) {
				double ratio = this.results.devTools().p50() / p50;
				goals.add(goal(ratio >= 20, "hot reload p50 at least 20x faster than DevTools: %.1fx", ratio));
			}
			AppScenarios.Memory memory = hotReload.memory();
			goals.add(goal(memory.metaspaceGrowthMb() < 10, "metaspace growth after %d reloads %.1f MB < 10 MB",
					memory.reloads(), memory.metaspaceGrowthMb()));
			goals.add(goal(memory.after().generationClassLoaders() <= 1,
					"generation class loaders alive after a full GC: %d (the current one only)",
					memory.after().generationClassLoaders()));
		}
		Samples withDevTools = this.results.hotReloadWithDevTools();
		if (withDevTools != null && this.results.devTools() != null) {
			double ratio = this.results.devTools().p50() / withDevTools.p50();
			goals.add(goal(ratio >= 20,
					"hot reload with DevTools on the classpath too p50 at least 20x faster than a DevTools "
							+ "restart: %.1fx (no restart in %d changes)",
					ratio, withDevTools.count()));
		}
		AppScenarios.RefreshRun fullRefresh = this.results.fullRefresh();
		if (fullRefresh != null) {
			if (this.results.devTools() != null) {
				double ratio = fullRefresh.latency().p50() / this.results.devTools().p50();
				goals.add(goal(ratio <= 0.25,
						"full refresh p50 %s at most 0.25x a DevTools restart (%s): %.2fx; the "
								+ "port refused connections for %s at p50",
						ms(fullRefresh.latency().p50()), ms(this.results.devTools().p50()), ratio,
						ms(fullRefresh.portDown().p50())));
			}
			AppScenarios.Memory memory = fullRefresh.memory();
			goals.add(goal(memory.after().refreshClassLoaders() <= 1,
					"refresh class loaders alive after %d refreshes and a full GC: %d (the current run's only; %d before "
							+ "them)",
					memory.reloads(), memory.after().refreshClassLoaders(), memory.before().refreshClassLoaders()));
		}
		AppScenarios.ConfigRun config = this.results.config();
		if (config != null) {
			double p50 = config.hotReload().p50();
			double refresh = config.refreshEndpoint().latency().p50() / p50;
			goals.add(goal(refresh > 1,
					"configuration change p50 faster with hot reload than with `/actuator/refresh`: %.1fx", refresh));
			double restart = config.devTools().p50() / p50;
			goals.add(goal(restart > 1,
					"configuration change p50 faster with hot reload than a DevTools restart: %.1fx", restart));
		}
		for (AppScenarios.SourceSaves saves : this.results.sourceSaves()) {
			if (saves.warmUp()) {
				double ratio = saves.first().p50() / saves.warm().p50();
				goals.add(goal(ratio <= 2, "first source save p50 at most 2x a warm one: %.2fx", ratio));
				goals
					.add(goal(saves.warm().p50() <= 100, "warm source saves p50 %s <= 100 ms", ms(saves.warm().p50())));
			}
		}
		for (int threads : ProxyCalls.THREADS) {
			Optional<ProxyCalls.Call> refresh = call("refreshScope", threads);
			for (String ours : List.of("reloadableClass", "reloadableInterface")) {
				Optional<ProxyCalls.Call> call = call(ours, threads);
				if (call.isPresent() && refresh.isPresent()) {
					double ratio = call.get().medianNanos() / refresh.get().medianNanos();
					goals.add(goal(ratio <= 0.5, "per call, %s, %d thread(s): %.2fx `@RefreshScope` (at most 0.5x)",
							ours, threads, ratio));
				}
			}
		}
		callGoals(goals);
		if (goals.isEmpty()) {
			return;
		}
		line("### Goals");
		line("");
		goals.forEach(this::line);
		line("");
	}

	private void callGoals(List<String> goals) {
		for (String variant : List.of("", REFERENCE)) {
			for (int threads : ProxyCalls.THREADS) {
				Optional<ProxyCalls.Call> interceptor = call("springAopInterceptor" + variant, threads);
				for (String ours : List.of("reloadableClass" + variant, "reloadableInterface" + variant)) {
					Optional<ProxyCalls.Call> call = call(ours, threads);
					if (call.isPresent() && interceptor.isPresent()) {
						double ratio = call.get().medianNanos() / interceptor.get().medianNanos();
						goals.add(goal(ratio <= 1,
								"per call, %s, %d thread(s): %.2fx the one-interceptor proxy (at most 1x)", ours,
								threads, ratio));
					}
					if (call.isPresent()) {
						double bytes = call.get().bytesPerCall();
						goals.add(variant.isEmpty()
								? goal(bytes < BOXED_LONG_BYTES + 1,
										"%s, %d thread(s): %.0f B/call (the boxed result, " + "%d B, at most)", ours,
										threads, bytes, BOXED_LONG_BYTES)
								: goal(bytes < 1, "%s, %d thread(s): %.0f B/call (0 B)", ours, threads, bytes));
					}
				}
			}
		}
	}

	private String goal(boolean met, String format, Object... arguments) {
		return "- " + (met ? "met" : "**not met**") + ": " + format(format, arguments);
	}

	private Optional<ProxyCalls.Call> call(String benchmark, int threads) {
		return this.results.calls()
			.stream()
			.filter((call) -> call.benchmark().equals(benchmark) && call.threads() == threads)
			.findFirst();
	}

	private static String nanos(Optional<ProxyCalls.Call> call) {
		return call
			.map((value) -> format("%.1f ns [%.1f–%.1f]", value.medianNanos(), value.minNanos(), value.maxNanos()))
			.orElse("");
	}

	private static String bytes(Optional<ProxyCalls.Call> call) {
		return call.map((value) -> format("%.0f", value.bytesPerCall())).orElse("");
	}

	private static String ratio(Optional<ProxyCalls.Call> call, Optional<ProxyCalls.Call> baseline) {
		if (call.isEmpty() || baseline.isEmpty()) {
			return "";
		}
		return format("%.2fx", call.get().medianNanos() / baseline.get().medianNanos());
	}

	private static String ms(double millis) {
		return (millis >= 100) ? format("%.0f ms", millis) : format("%.1f ms", millis);
	}

	private static String format(String format, Object... arguments) {
		return String.format(Locale.ROOT, format, arguments);
	}

	private void line(String format, Object... arguments) {
		this.out.append((arguments.length > 0) ? format(format, arguments) : format).append('\n');
	}

}
