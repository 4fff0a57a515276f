package dev.hotreload.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.jayway.jsonpath.DocumentContext;
import dev.hotreload.e2e.AppHttp.Answer;
import dev.hotreload.e2e.ClassDirectory.Mode;
import dev.hotreload.e2e.EditedSources.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the sample application as a separate JVM with three classes of its own (a
 * reloadable bean, a plain helper class, a plain controller, see {@link EditedSources}),
 * edits them in a random order drawn from a seed, written the ways IDEs and builds write
 * class files, some of the edits while a refresh runs, and updates the sample's state
 * over HTTP in between. Once the application is quiet it checks that what runs is what
 * was saved last: every edited class serves its newest version (or a failure or a pending
 * refresh names it), no acknowledged update was lost, and every refresh was asked for or
 * called for by a change of shape, never by an edit of a method body. Replay a failure
 * with {@code -Dhotreload.e2e.seed=<the seed it names>}.
 */
class RandomEditsE2ETests {

	private static final long DEFAULT_SEED = 17;

	private static final int STEPS = 30;

	private static final Pattern ADDED_EXTRA = Pattern.compile("method extra(\\d+)\\(\\) added");

	private static final Pattern ONLY_ADDED_EXTRAS = Pattern
		.compile("changed shape: method extra\\d+\\(\\) added(, method extra\\d+\\(\\) added)*");

	private final long seed = Long.getLong("hotreload.e2e.seed", DEFAULT_SEED);

	private final Map<Target, Integer> plannedVersions = new EnumMap<>(Target.class);

	private final Map<Target, Set<Integer>> shapeVersions = new EnumMap<>(Target.class);

	private final Map<Target, Edit> newest = new EnumMap<>(Target.class);

	private final Map<Edit, Long> writtenAt = new ConcurrentHashMap<>();

	private final List<Observation> observations = new ArrayList<>();

	private final Set<Long> forcedIds = new TreeSet<>();

	private final Map<Update, List<Long>> acknowledged = new EnumMap<>(Update.class);

	private final Map<String, Integer> figures = new TreeMap<>();

	// What the test did and saw, for the log of a failure.
	private final List<String> timeline = new ArrayList<>();

	@TempDir
	Path temp;

	@Test
	void whatRunsIsWhatWasSavedLast() throws Exception {
		for (Target target : Target.values()) {
			this.plannedVersions.put(target, 0);
			this.shapeVersions.put(target, new TreeSet<>());
		}
		for (Update update : Update.values()) {
			this.acknowledged.put(update, new ArrayList<>());
		}
		List<Step> steps = plan(new Random(this.seed));
		System.out.println("Random edits, seed " + this.seed + " (-Dhotreload.e2e.seed=" + this.seed + "), "
				+ steps.size() + " steps");
		Path classes = SampleClasses.extract(this.temp.resolve("target/classes"));
		EditedSources sources = new EditedSources(this.temp.resolve("staging"), classes);
		sources.compileFirstVersions(classes);
		long compileStart = System.nanoTime();
		Map<Edit, byte[]> compiled = new LinkedHashMap<>();
		for (Step step : steps) {
			for (Edit edit : step.edits()) {
				compiled.put(edit,
						sources.compile(edit.target(), edit.version(), extrasUpTo(edit.target(), edit.version())));
			}
		}
		double compileMillis = millisSince(compileStart);
		ClassDirectory directory = ClassDirectory.of(classes);
		try (SampleAppProcess app = SampleAppProcess.start(classes, SampleClasses.libraries(),
				this.temp.resolve("app.log"))) {
			try {
				AppHttp http = new AppHttp(app);
				await().atMost(Duration.ofSeconds(60))
					.pollInterval(Duration.ofMillis(100))
					.until(() -> Target.CONTROLLER.answer(0).equals(http.get(Target.CONTROLLER.path()).body()));
				long editsStart = System.nanoTime();
				for (Step step : steps) {
					run(step, http, directory, compiled);
				}
				double editsMillis = millisSince(editsStart);
				long quietStart = System.nanoTime();
				DocumentContext report = http.awaitQuiet(Duration.ofSeconds(7), Duration.ofSeconds(120));
				double quietMillis = millisSince(quietStart);
				List<String> problems = check(http, report);
				printFigures(steps, report, compileMillis, editsMillis, quietMillis);
				String replay = replay(steps, app);
				assertThat(problems).as(replay).isEmpty();
			}
			catch (Exception | AssertionError ex) {
				if (ex.getMessage() != null && ex.getMessage().contains("-Dhotreload.e2e.seed=")) {
					throw ex;
				}
				throw new AssertionError(replay(steps, app) + "\n" + ex, ex);
			}
		}
	}

	private List<Step> plan(Random random) {
		List<Step> steps = new ArrayList<>();
		for (int i = 0; i < STEPS; i++) {
			boolean forced = random.nextInt(100) < 25;
			Edit edit = (forced && random.nextInt(4) == 0) ? null : edit(random);
			Edit followUp = null;
			if (!forced && edit != null && edit.kind() == Kind.SHAPE && edit.target() != Target.BEAN
					&& random.nextBoolean()) {
				followUp = edit(random);
			}
			int delay = forced ? random.nextInt(400) : 100 + random.nextInt(600);
			List<Update> updates = new ArrayList<>();
			for (int update = 1 + random.nextInt(4); update > 0; update--) {
				updates.add(Update.values()[random.nextInt(Update.values().length)]);
			}
			Target probe = Target.values()[random.nextInt(Target.values().length)];
			steps.add(new Step(forced, delay, edit, followUp, updates, probe, 50 + random.nextInt(1200)));
		}
		return steps;
	}

	private Edit edit(Random random) {
		Target target = Target.values()[random.nextInt(Target.values().length)];
		Kind kind = (random.nextInt(100) < 35) ? Kind.SHAPE : Kind.BODY;
		Mode mode = Mode.values()[random.nextInt(Mode.values().length)];
		int gap = 300 + random.nextInt(1201);
		int version = this.plannedVersions.merge(target, 1, Integer::sum);
		if (kind == Kind.SHAPE) {
			this.shapeVersions.get(target).add(version);
		}
		return new Edit(target, version, kind, mode, gap);
	}

	private List<Integer> extrasUpTo(Target target, int version) {
		return this.shapeVersions.get(target).stream().filter((extra) -> extra <= version).toList();
	}

	private void run(Step step, AppHttp http, ClassDirectory directory, Map<Edit, byte[]> compiled) throws Exception {
		if (step.forced()) {
			Answer answer = http.post("/actuator/hotreload");
			note("POST /actuator/hotreload: " + answer.status() + " " + answer.body());
			if (answer.ok() && "started".equals(answer.json().read("$.refresh", String.class))) {
				this.forcedIds.add(answer.json().read("$.id", Long.class));
				count("forced refreshes acknowledged");
			}
			else {
				count("forced refreshes refused (" + answer.status() + ")");
			}
			if (step.edit() != null) {
				// The pace of the simulated developer, not a wait for a result.
				TimeUnit.MILLISECONDS.sleep(step.delayMillis());
				count("edits right after a forced refresh");
			}
		}
		if (step.edit() != null) {
			write(step.edit(), directory, compiled);
		}
		if (step.followUp() != null) {
			TimeUnit.MILLISECONDS.sleep(step.delayMillis());
			count("edits right after a shape change");
			write(step.followUp(), directory, compiled);
		}
		for (Update update : step.updates()) {
			Answer answer = update.send(http);
			note(update + " on port " + answer.port() + ": " + answer.status() + " " + answer.body().trim());
			if (answer.ok()) {
				this.acknowledged.get(update).add(update.value(answer));
			}
			else {
				count("updates failed (" + answer.status() + ")");
			}
		}
		Answer probe = http.get(step.probe().path());
		note("probe " + step.probe() + ": " + probe.status() + " " + probe.body());
		if (probe.ok()) {
			this.observations
				.add(new Observation(step.probe(), step.probe().version(probe.body()), probe.receivedMillis()));
		}
		TimeUnit.MILLISECONDS.sleep(step.pauseMillis());
	}

	private void write(Edit edit, ClassDirectory directory, Map<Edit, byte[]> compiled) throws Exception {
		this.writtenAt.put(edit, System.currentTimeMillis());
		note("writing " + edit);
		directory.write(edit.target().className(), compiled.get(edit), edit.mode(), edit.gapMillis());
		note("written " + edit);
		this.newest.put(edit.target(), edit);
		count("edits " + edit.target() + " " + edit.kind());
		count("writes " + edit.mode());
	}

	private List<String> check(AppHttp http, DocumentContext report) {
		List<String> problems = new ArrayList<>();
		List<Map<String, Object>> history = new ArrayList<>(report.read("$.history"));
		history.sort(Comparator.comparingLong((record) -> ((Number) record.get("id")).longValue()));
		List<Map<String, Object>> pending = report.read("$.pendingRefresh");
		checkNewestServed(http, history, pending, problems);
		checkNoUpdateLost(http, problems);
		checkRefreshesExplained(history, problems);
		return problems;
	}

	private void checkNewestServed(AppHttp http, List<Map<String, Object>> history, List<Map<String, Object>> pending,
			List<String> problems) {
		for (Target target : Target.values()) {
			Edit edit = this.newest.get(target);
			if (edit == null) {
				continue;
			}
			List<String> stale = new ArrayList<>();
			Answer answer = http.get(target.path());
			if (!answer.ok() || !answer.body().equals(target.answer(edit.version()))) {
				stale.add(target.path() + " answered " + answer.status() + " " + answer.body());
			}
			if (target == Target.CONTROLLER) {
				for (int extra : extrasUpTo(target, edit.version())) {
					Answer extraAnswer = http.get(target.path() + "/extra" + extra);
					if (!extraAnswer.ok() || !extraAnswer.body().equals("extra" + extra)) {
						stale.add(target.path() + "/extra" + extra + " answered " + extraAnswer.status() + " "
								+ extraAnswer.body());
					}
				}
			}
			if (!stale.isEmpty() && !excused(target, edit, history, pending)) {
				problems.add(target + " version " + edit.version() + " (" + edit.kind() + ", " + edit.mode()
						+ ") is not served, and no failure or pending refresh names it: " + stale);
			}
		}
	}

	// A failure recorded after the newest version was written, or a pending refresh,
	// says why the application does not serve it.
	private boolean excused(Target target, Edit edit, List<Map<String, Object>> history,
			List<Map<String, Object>> pending) {
		long written = this.writtenAt.get(edit);
		boolean failed = history.stream()
			.anyMatch((record) -> "FAILED".equals(record.get("outcome")) && timestamp(record) >= written
					&& classes(record).contains(target.className()));
		return failed || pending.stream().anyMatch((entry) -> target.className().equals(entry.get("class")));
	}

	private void checkNoUpdateLost(AppHttp http, List<String> problems) {
		for (Update update : Update.values()) {
			List<Long> values = this.acknowledged.get(update);
			for (int i = 1; i < values.size(); i++) {
				if (values.get(i) <= values.get(i - 1)) {
					problems.add(update + " answered " + values.get(i) + " after " + values.get(i - 1)
							+ ": an acknowledged update was lost");
				}
			}
			Answer last = update.send(http);
			if (!last.ok()) {
				problems.add(update + " failed at the end: " + last.status() + " " + last.body());
				continue;
			}
			long value = update.value(last);
			if (!values.isEmpty() && value <= values.get(values.size() - 1)) {
				problems.add(update + " answered " + value + " at the end, after " + values.get(values.size() - 1)
						+ ": an acknowledged update was lost");
			}
			if (update.countsFromZero() && value < values.size() + 1) {
				problems.add(update + " counts " + value + " after " + values.size()
						+ " acknowledged updates and one more: some were lost");
			}
		}
	}

	// Each refresh was asked for with a POST that was acknowledged, or called for by a
	// change of shape that did not run yet, or retries one that failed. Every class that
	// a record says needs a refresh got a new method that the application did not serve
	// before.
	private void checkRefreshesExplained(List<Map<String, Object>> history, List<String> problems) {
		boolean failedSinceLastRefresh = false;
		for (Map<String, Object> record : history) {
			String outcome = (String) record.get("outcome");
			List<Map<String, Object>> verdicts = verdicts(record);
			List<Map<String, Object>> refreshVerdicts = verdicts.stream()
				.filter((verdict) -> "REFRESH".equals(verdict.get("category")))
				.toList();
			for (Map<String, Object> verdict : refreshVerdicts) {
				String unexplained = unexplained(verdict, timestamp(record));
				if (unexplained != null) {
					problems.add("record " + record.get("id") + " (" + outcome + ", " + record.get("trigger")
							+ ") needs a refresh for " + verdict.get("class") + " (" + verdict.get("reason") + "): "
							+ unexplained);
				}
			}
			if ("FAILED".equals(outcome) && record.get("bean") == null) {
				failedSinceLastRefresh = true;
			}
			if (!"REFRESHED".equals(outcome)) {
				continue;
			}
			String trigger = (String) record.get("trigger");
			long id = ((Number) record.get("id")).longValue();
			if ("ENDPOINT".equals(trigger) && !this.forcedIds.contains(id)) {
				problems.add("refresh " + id + " has the trigger ENDPOINT, but no acknowledged POST answered its id");
			}
			else if ("FILE_CHANGE".equals(trigger) && refreshVerdicts.isEmpty() && !failedSinceLastRefresh) {
				problems.add("refresh " + id + " of " + classes(record)
						+ " was started by a file change that needs no refresh: verdicts " + verdicts);
			}
			else if (!"ENDPOINT".equals(trigger) && !"FILE_CHANGE".equals(trigger)) {
				problems.add("refresh " + id + " has the trigger " + trigger);
			}
			failedSinceLastRefresh = false;
		}
	}

	// Why a verdict that a class needs a refresh is not explained by a change of shape,
	// or null if it is: the methods it names as added must be those of shape changes of
	// that class, none of which the application served before the record's time.
	private String unexplained(Map<String, Object> verdict, long timestamp) {
		String className = (String) verdict.get("class");
		String reason = (String) verdict.get("reason");
		Target target = Arrays.stream(Target.values())
			.filter((candidate) -> candidate.className().equals(className))
			.findFirst()
			.orElse(null);
		if (target == null || !ONLY_ADDED_EXTRAS.matcher(reason).matches()) {
			return "no shape change of the edited classes says so";
		}
		Matcher matcher = ADDED_EXTRA.matcher(reason);
		while (matcher.find()) {
			int extra = Integer.parseInt(matcher.group(1));
			if (!this.shapeVersions.get(target).contains(extra)) {
				return "no edit added extra" + extra + "()";
			}
			for (Observation observation : this.observations) {
				if (observation.target() == target && observation.version() >= extra
						&& observation.receivedMillis() < timestamp) {
					return "the application served version " + observation.version() + ", which has extra" + extra
							+ "(), at " + Instant.ofEpochMilli(observation.receivedMillis()) + ", before that";
				}
			}
		}
		return null;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> verdicts(Map<String, Object> record) {
		Object verdicts = record.get("verdicts");
		return (verdicts instanceof List<?> list) ? (List<Map<String, Object>>) list : List.of();
	}

	@SuppressWarnings("unchecked")
	private static List<String> classes(Map<String, Object> record) {
		Object classes = record.get("classes");
		return (classes instanceof List<?> list) ? (List<String>) list : List.of();
	}

	private static long timestamp(Map<String, Object> record) {
		return Instant.parse((String) record.get("timestamp")).toEpochMilli();
	}

	private void printFigures(List<Step> steps, DocumentContext report, double compileMillis, double editsMillis,
			double quietMillis) {
		List<String> outcomes = report.read("$.history[*].outcome");
		Map<String, Long> byOutcome = outcomes.stream()
			.collect(Collectors.groupingBy((outcome) -> outcome, TreeMap::new, Collectors.counting()));
		Map<String, Integer> acknowledgedCounts = new TreeMap<>();
		this.acknowledged.forEach((update, values) -> acknowledgedCounts.put(update.name(), values.size()));
		System.out.printf(Locale.ROOT,
				"Random edits, seed %d: %d steps, %d edits; %s; compiled in %.0f ms, edits took %.0f ms, quiet "
						+ "after %.0f ms more; history %s; updates acknowledged %s; %d probes%n",
				this.seed, steps.size(), this.writtenAt.size(), this.figures, compileMillis, editsMillis, quietMillis,
				byOutcome, acknowledgedCounts, this.observations.size());
	}

	// The application's log is copied next to the test reports, since the temporary
	// directory goes with the test.
	private String replay(List<Step> steps, SampleAppProcess app) {
		String log = app.log();
		Path copy = Path.of("target", "random-edits-" + this.seed + ".log").toAbsolutePath();
		try {
			Files.createDirectories(copy.getParent());
			Files.writeString(copy, log + "\n\nWhat the test did:\n" + String.join("\n", this.timeline) + "\n");
		}
		catch (IOException ex) {
			copy = this.temp.resolve("app.log");
		}
		String[] lines = log.split("\n");
		String tail = String.join("\n", Arrays.copyOfRange(lines, Math.max(0, lines.length - 150), lines.length));
		return "Random edits with seed " + this.seed + " (replay with -Dhotreload.e2e.seed=" + this.seed + "), steps:\n"
				+ steps.stream().map(Step::toString).collect(Collectors.joining("\n")) + "\nlast lines of the log:\n"
				+ tail + "\nthe whole log: " + copy + "\n";
	}

	private void note(String what) {
		this.timeline.add(Instant.now() + " " + what);
	}

	private void count(String figure) {
		this.figures.merge(figure, 1, Integer::sum);
	}

	private static double millisSince(long start) {
		return (System.nanoTime() - start) / 1_000_000.0;
	}

	/**
	 * Whether an edit changes a method body only, or the class's shape.
	 */
	private enum Kind {

		BODY, SHAPE

	}

	/**
	 * An update of the sample's state over HTTP, whose answer is a counter that only
	 * grows.
	 */
	private enum Update {

		/** A visit, counted by the sample's reloadable {@code VisitCounter}. */
		VISIT(false, "/hello", true) {

			@Override
			long value(Answer answer) {
				return answer.json().read("$.number", Long.class);
			}

		},

		/**
		 * A tick of the sample's reloadable {@code Colony}, which the scheduler ticks
		 * too.
		 */
		TICK(true, "/colony/tick", false) {

			@Override
			long value(Answer answer) {
				return answer.json().read("$.tick", Long.class);
			}

		},

		/** An update of the edited reloadable bean's counter. */
		EDITED(true, "/edits/update", true) {

			@Override
			long value(Answer answer) {
				return Long.parseLong(answer.body().trim());
			}

		};

		private final boolean post;

		private final String path;

		private final boolean countsFromZero;

		Update(boolean post, String path, boolean countsFromZero) {
			this.post = post;
			this.path = path;
			this.countsFromZero = countsFromZero;
		}

		Answer send(AppHttp http) {
			return this.post ? http.post(this.path) : http.get(this.path);
		}

		boolean countsFromZero() {
			return this.countsFromZero;
		}

		abstract long value(Answer answer);

	}

	/**
	 * One edit: a new version of a class, written one way.
	 *
	 * @param target the class
	 * @param version its new version number
	 * @param kind whether it changes a body or the shape
	 * @param mode how its class file is written
	 * @param gapMillis for a rebuild, how long the class files stay deleted
	 */
	private record Edit(Target target, int version, Kind kind, Mode mode, int gapMillis) {

		@Override
		public String toString() {
			return this.target + " v" + this.version + " " + this.kind + " " + this.mode
					+ ((this.mode == Mode.REBUILD) ? " gap " + this.gapMillis + " ms" : "");
		}

	}

	/**
	 * One step of the random sequence.
	 *
	 * @param forced whether it begins with {@code POST /actuator/hotreload}
	 * @param delayMillis the time between the refresh asked for, or the change of shape,
	 * and the next edit
	 * @param edit the edit, if any
	 * @param followUp an edit made while the refresh of a change of shape may run
	 * @param updates the updates of the state sent afterwards
	 * @param probe the class whose version is asked for afterwards
	 * @param pauseMillis the pause before the next step
	 */
	private record Step(boolean forced, int delayMillis, Edit edit, Edit followUp, List<Update> updates, Target probe,
			int pauseMillis) {

		List<Edit> edits() {
			List<Edit> edits = new ArrayList<>();
			if (this.edit != null) {
				edits.add(this.edit);
			}
			if (this.followUp != null) {
				edits.add(this.followUp);
			}
			return edits;
		}

		@Override
		public String toString() {
			return (this.forced ? "POST /actuator/hotreload, " + this.delayMillis + " ms, " : "")
					+ ((this.edit != null) ? this.edit : "no edit")
					+ ((this.followUp != null) ? ", " + this.delayMillis + " ms, " + this.followUp : "") + "; "
					+ this.updates + ", probe " + this.probe + ", pause " + this.pauseMillis + " ms";
		}

	}

	/**
	 * A version of a class that the application served.
	 *
	 * @param target the class
	 * @param version the version it answered
	 * @param receivedMillis when, in epoch milliseconds
	 */
	private record Observation(Target target, int version, long receivedMillis) {

	}

}
