package dev.hotreload.refresh;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.FieldReport;
import dev.hotreload.ReloadRecord.Trigger;
import dev.hotreload.ReloadRecord.Verdict;
import dev.hotreload.history.ReloadHistory;
import dev.hotreload.history.ReloadRecorder;
import dev.hotreload.watch.ChangeSource;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.Assert;

/**
 * The refresh runtime of this JVM: what outlives the application context across full
 * refreshes, held in a static field of the base class loader, which every run of the
 * application shares. It holds the reload history, the refresh in progress, the last
 * instances of the {@code KEEP} beans until the new context takes their state, the
 * {@code @SurvivesRefresh} instances and the properties that later runs take from an
 * earlier one, and no class of the project once a refresh is over, so that nothing keeps
 * a previous run's class loader reachable.
 * <p>
 * There is always one: {@link #current()} is {@link #isRefreshable() not refreshable}
 * until hot reload's {@link Refresher} or DevTools' restarter activates it.
 */
public final class RefreshRuntime {

	private static final Object INSTANCE_MONITOR = new Object();

	private static final RefreshRuntime NOT_REFRESHABLE = new RefreshRuntime(Restart.NONE);

	private static volatile RefreshRuntime current = NOT_REFRESHABLE;

	private final Restart restart;

	private final Object monitor = new Object();

	private final Map<String, Object> keptBeans = new LinkedHashMap<>();

	private final Set<String> claimed = new TreeSet<>();

	private final Map<String, FieldReport> carriedFields = new TreeMap<>();

	private final Map<String, Object> survivors = new ConcurrentHashMap<>();

	private final Map<String, String> keptProperties = new TreeMap<>();

	private @Nullable ReloadHistory history;

	private @Nullable Run run;

	private boolean failedLast;

	private boolean announced;

	private RefreshRuntime(Restart restart) {
		this.restart = restart;
	}

	/**
	 * Return the refresh runtime of this JVM.
	 * @return the runtime, {@link #isRefreshable() not refreshable} unless the
	 * application runs on a refresher
	 */
	public static RefreshRuntime current() {
		return current;
	}

	/**
	 * Make this JVM's application refreshable, unless it is already.
	 * @param restart how a refresh is done
	 * @return the runtime, with the restart given here or the one activated before
	 */
	static RefreshRuntime activate(Restart restart) {
		Assert.notNull(restart, "'restart' must not be null");
		Assert.isTrue(restart != Restart.NONE, "'restart' must restart");
		synchronized (INSTANCE_MONITOR) {
			if (current == NOT_REFRESHABLE) {
				current = new RefreshRuntime(restart);
			}
			return current;
		}
	}

	/**
	 * End the refreshes of this JVM, closing the application that its refresher runs, and
	 * make it not refreshable again. For tests, which run many applications in one JVM.
	 */
	static void reset() {
		RefreshRuntime runtime;
		synchronized (INSTANCE_MONITOR) {
			runtime = current;
			current = NOT_REFRESHABLE;
		}
		runtime.restart.end();
	}

	/**
	 * Tell whether the application can be refreshed in this JVM.
	 * @return whether it runs on hot reload's refresher or on DevTools' restarter
	 */
	public boolean isRefreshable() {
		return this.restart != Restart.NONE;
	}

	/**
	 * Return how a refresh is done.
	 * @return the restart, {@link Restart#NONE} when not refreshable
	 */
	Restart restart() {
		return this.restart;
	}

	/**
	 * Return where a context of the application takes its changed files from.
	 * @param directories the directories the context watches
	 * @param own creates a source that watches some of them by itself
	 * @return the change intake that outlives the contexts for the directories it
	 * watches, with a source of the context's own for the others
	 */
	public ChangeSource changeSource(Collection<Path> directories, Function<List<Path>, ChangeSource> own) {
		Assert.notNull(directories, "'directories' must not be null");
		Assert.notNull(own, "'own' must not be null");
		return this.restart.changeSource(directories, own);
	}

	/**
	 * Return the history that every run of the application adds to.
	 * @param size how many records it keeps, used when the first run creates it
	 * @return the history, or a new one for each call when the application is not
	 * refreshable
	 */
	public ReloadHistory history(int size) {
		if (!isRefreshable()) {
			return new ReloadHistory(size);
		}
		synchronized (this.monitor) {
			if (this.history == null) {
				this.history = new ReloadHistory(size);
			}
			return this.history;
		}
	}

	/**
	 * Refresh the application: the refresh runs on a thread of its own. While one is
	 * asked for or running, asking again joins it.
	 * @param trigger what asks for it
	 * @param classes the changed classes it applies, as far as they are known
	 * @return the id its record will have
	 */
	public long refresh(Trigger trigger, List<String> classes) {
		return refresh(trigger, classes, List.of());
	}

	/**
	 * Refresh the application: the refresh runs on a thread of its own. While one is
	 * asked for or running, asking again joins it.
	 * @param trigger what asks for it
	 * @param classes the changed classes it applies, as far as they are known
	 * @param verdicts what was decided for the changed classes, for the refresh's record
	 * @return the id its record will have
	 */
	public long refresh(Trigger trigger, List<String> classes, List<Verdict> verdicts) {
		long id;
		boolean started;
		synchronized (this.monitor) {
			started = this.run == null;
			id = begin(trigger, classes);
			Run run = this.run;
			if (run != null) {
				verdicts.forEach((verdict) -> run.verdicts.put(verdict.className(), verdict));
			}
		}
		if (started && trigger == Trigger.FILE_CHANGE) {
			this.restart.restart();
		}
		else if (started) {
			// Asked for by a caller who waits for the id, often over HTTP.
			this.restart.restartAfterAnswer();
		}
		return id;
	}

	/**
	 * Take note that a refresh begins that another tool runs, such as DevTools when it
	 * restarts for a changed file.
	 * @param trigger what asks for it
	 * @param classes the changed classes it applies, as far as they are known
	 * @return the id its record will have
	 */
	public long begin(Trigger trigger, List<String> classes) {
		synchronized (this.monitor) {
			Run run = this.run;
			if (run != null) {
				run.classes.addAll(classes);
				return run.id;
			}
			run = new Run(history(ReloadHistory.DEFAULT_SIZE).reserveId(), Instant.now(), System.nanoTime(), trigger,
					new TreeSet<>(classes));
			this.run = run;
			return run.id;
		}
	}

	/**
	 * Tell whether a refresh is asked for or running, so that a closing context knows the
	 * application comes back.
	 * @return whether a refresh is in progress
	 */
	public boolean isRefreshing() {
		synchronized (this.monitor) {
			return this.run != null;
		}
	}

	/**
	 * Keep the last instance of a {@code KEEP} bean of the closing context until the new
	 * context takes its state.
	 * @param beanName the bean's name
	 * @param instance the instance that served last
	 */
	public void keep(String beanName, Object instance) {
		synchronized (this.monitor) {
			this.keptBeans.put(beanName, instance);
		}
	}

	/**
	 * Return the last instance of a bean of the previous context. It stays until a new
	 * context is ready, so that the next attempt after a failed refresh finds it again.
	 * @param beanName the bean's name in the new context
	 * @return the instance, or {@code null} if none was kept under that name
	 */
	public @Nullable Object kept(String beanName) {
		synchronized (this.monitor) {
			Object instance = this.keptBeans.get(beanName);
			if (instance != null) {
				this.claimed.add(beanName);
			}
			return instance;
		}
	}

	/**
	 * Take note of what a bean of the new context took from its predecessor.
	 * @param beanName the bean's name
	 * @param fields which fields were kept, reset and dropped
	 */
	public void carried(String beanName, FieldReport fields) {
		synchronized (this.monitor) {
			this.carriedFields.put(beanName, fields);
		}
	}

	/**
	 * Return the instance of a {@code @SurvivesRefresh} bean, creating it the first time.
	 * @param beanName the bean's name
	 * @param factory creates the instance
	 * @return the instance
	 */
	public Object survivor(String beanName, Supplier<Object> factory) {
		return this.survivors.computeIfAbsent(beanName, (name) -> factory.get());
	}

	/**
	 * Forget the instance of a {@code @SurvivesRefresh} bean, as when the application
	 * stops for good.
	 * @param beanName the bean's name
	 * @return the instance, or {@code null} if there was none
	 */
	public @Nullable Object removeSurvivor(String beanName) {
		return this.survivors.remove(beanName);
	}

	/**
	 * Return the names of the {@code @SurvivesRefresh} beans that have an instance.
	 * @return the names, sorted
	 */
	public Set<String> survivorNames() {
		return new TreeSet<>(this.survivors.keySet());
	}

	/**
	 * Keep a property for the later runs of the application, such as a value that Spring
	 * Boot generated at random in this run and that must stay the same. The value is
	 * never logged.
	 * @param name the property's name
	 * @param value its value
	 */
	public void keepProperty(String name, String value) {
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(value, "'value' must not be null");
		if (isRefreshable()) {
			synchronized (this.monitor) {
				this.keptProperties.put(name, value);
			}
		}
	}

	/**
	 * Forget a kept property, as when a run has it from the application's own
	 * configuration.
	 * @param name the property's name
	 */
	public void forgetProperty(String name) {
		synchronized (this.monitor) {
			this.keptProperties.remove(name);
		}
	}

	/**
	 * Return the properties kept for the later runs.
	 * @return the values by name
	 */
	public Map<String, String> keptProperties() {
		synchronized (this.monitor) {
			return Map.copyOf(this.keptProperties);
		}
	}

	/**
	 * Record the refresh in progress as done, once the new context is ready.
	 * @param history the new context's view of the history, whose listeners publish the
	 * record's event in the new context
	 * @return the record, or {@code null} if no refresh was in progress
	 */
	@Nullable ReloadRecord refreshed(ReloadHistory history) {
		Run run;
		Map<String, FieldReport> carried;
		List<String> unclaimed;
		synchronized (this.monitor) {
			run = this.run;
			if (run == null) {
				return null;
			}
			this.run = null;
			this.failedLast = false;
			carried = new TreeMap<>(this.carriedFields);
			unclaimed = new ArrayList<>(this.keptBeans.keySet());
			unclaimed.removeAll(this.claimed);
			this.carriedFields.clear();
			this.keptBeans.clear();
			this.claimed.clear();
		}
		return new ReloadRecorder(history).refreshed(ReloadRecord
			.refreshed(run.timestamp, run.trigger, List.copyOf(run.classes), millisSince(run.start), carried)
			.withVerdicts(List.copyOf(run.verdicts.values()))
			.withNotes(this.restart.notes()), run.id, unclaimed, survivorNames());
	}

	/**
	 * Record the refresh in progress as failed, unless its restart launches the
	 * application again. The state of the {@code KEEP} beans stays for the next attempt.
	 * @param context the context that failed to start, or {@code null} if none was
	 * created
	 * @param error why the new context did not start
	 * @return the record, or {@code null} if no refresh was in progress or it goes on
	 */
	@Nullable ReloadRecord failed(@Nullable ConfigurableApplicationContext context, Throwable error) {
		Throwable failure = this.restart.failure(context, error);
		if (failure != null) {
			return failed(failure);
		}
		// What the failed attempt's beans took is taken again by the next one.
		synchronized (this.monitor) {
			this.carriedFields.clear();
			this.claimed.clear();
		}
		return null;
	}

	/**
	 * Record the refresh in progress as failed. The state of the {@code KEEP} beans stays
	 * for the next attempt.
	 * @param error why the new context did not start
	 * @return the record, or {@code null} if no refresh was in progress
	 */
	@Nullable ReloadRecord failed(Throwable error) {
		Run run;
		synchronized (this.monitor) {
			run = this.run;
			if (run == null) {
				return null;
			}
			this.run = null;
			this.failedLast = true;
			this.carriedFields.clear();
			this.claimed.clear();
		}
		return new ReloadRecorder(history(ReloadHistory.DEFAULT_SIZE)).refreshFailed(ReloadRecord.failed(run.timestamp,
				null, run.trigger, List.copyOf(run.classes), 0, millisSince(run.start), ReloadRecord.Failure.of(error)),
				run.id);
	}

	/**
	 * Tell whether the last refresh failed, so that the next start of the application is
	 * another attempt.
	 * @return whether the last refresh failed
	 */
	public boolean failedLast() {
		synchronized (this.monitor) {
			return this.failedLast;
		}
	}

	/**
	 * Tell whether this is the first time the question is asked, so that a line is logged
	 * once in the life of the JVM rather than once per run.
	 * @return {@code true} the first time, {@code false} afterwards
	 */
	public boolean firstAnnouncement() {
		synchronized (this.monitor) {
			boolean first = !this.announced;
			this.announced = true;
			return first;
		}
	}

	private static double millisSince(long start) {
		return Math.round((System.nanoTime() - start) / 10_000.0) / 100.0;
	}

	/**
	 * How a refresh is done: by hot reload's {@link Refresher}, by DevTools' restarter,
	 * or {@link #NONE not at all}.
	 */
	public interface Restart {

		/**
		 * The restart of an application that cannot be refreshed.
		 */
		Restart NONE = () -> {
			throw new IllegalStateException("The application cannot be refreshed");
		};

		/**
		 * Close the application context and start the application again, on a thread of
		 * its own.
		 */
		void restart();

		/**
		 * Close the application context and start the application again, on a thread of
		 * its own, once the caller that asked for it had the time to send its answer:
		 * closing the context stops the web server, which would cut an answer not written
		 * yet.
		 */
		default void restartAfterAnswer() {
			restart();
		}

		/**
		 * Return where a context takes its changed files from.
		 * @param directories the directories the context watches
		 * @param own creates a source that watches some of them by itself
		 * @return the source
		 */
		default ChangeSource changeSource(Collection<Path> directories, Function<List<Path>, ChangeSource> own) {
			return own.apply(List.copyOf(directories));
		}

		/**
		 * Decide what a run of the application that failed to start leaves in the
		 * history.
		 * @param context the context that failed, or {@code null} if none was created
		 * @param error why it failed
		 * @return the failure to record, or {@code null} if the run is launched again, so
		 * that the refresh in progress waits for the outcome of the next attempt
		 */
		default @Nullable Throwable failure(@Nullable ConfigurableApplicationContext context, Throwable error) {
			return error;
		}

		/**
		 * Return what the record of the refresh in progress notes about how it went, such
		 * as the attempts it took.
		 * @return the notes, one sentence each
		 */
		default List<String> notes() {
			return List.of();
		}

		/**
		 * Take note of a context being prepared, which the next refresh closes if it is
		 * the root context of the current run.
		 * @param context the context
		 */
		default void contextPrepared(ConfigurableApplicationContext context) {
		}

		/**
		 * Forget a context that failed to start or was closed.
		 * @param context the context, or {@code null} if none was created
		 */
		default void contextGone(@Nullable ConfigurableApplicationContext context) {
		}

		/**
		 * Tell whether a thread runs the application that this restart refreshes, as the
		 * thread that prepares its environment.
		 * @param thread the thread
		 * @return whether it runs the application
		 */
		default boolean runs(Thread thread) {
			return true;
		}

		/**
		 * Return the development defaults of every run: properties that the application
		 * takes unless its configuration sets them.
		 * @return the values by name
		 */
		default Map<String, String> propertyDefaults() {
			return Map.of();
		}

		/**
		 * Tell whether the run that just became ready, or failed to start, is to be
		 * refreshed again before the refresh counts as done or failed: class files were
		 * deleted while it started.
		 * @return whether to refresh it again
		 */
		default boolean classFilesDeletedWhileStarting() {
			return false;
		}

		/**
		 * Describe the refreshes for the line logged once when the application first
		 * starts.
		 * @return the description, or {@code null} to log nothing
		 */
		default @Nullable String describe() {
			return null;
		}

		/**
		 * Close the application and end the threads of the refreshes, as when the JVM
		 * stops.
		 */
		default void end() {
		}

	}

	private static final class Run {

		private final long id;

		private final Instant timestamp;

		private final long start;

		private final Trigger trigger;

		private final Set<String> classes;

		private final Map<String, Verdict> verdicts = new TreeMap<>();

		Run(long id, Instant timestamp, long start, Trigger trigger, Set<String> classes) {
			this.id = id;
			this.timestamp = timestamp;
			this.start = start;
			this.trigger = trigger;
			this.classes = classes;
		}

	}

}
