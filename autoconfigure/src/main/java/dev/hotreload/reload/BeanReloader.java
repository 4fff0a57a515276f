package dev.hotreload.reload;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Category;
import dev.hotreload.ReloadRecord.Failure;
import dev.hotreload.ReloadRecord.Trigger;
import dev.hotreload.ReloadRecord.Verdict;
import dev.hotreload.StatePolicy;
import dev.hotreload.classloading.ClassFiles;
import dev.hotreload.classloading.ClassLoaderCaches;
import dev.hotreload.classloading.GenerationClassLoader;
import dev.hotreload.classloading.NestedClassSharing;
import dev.hotreload.history.ReloadRecorder;
import dev.hotreload.proxy.Generation;
import dev.hotreload.proxy.PackageAccess;
import dev.hotreload.refresh.PendingRefresh;
import dev.hotreload.refresh.RefreshNeededException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.util.Assert;

/**
 * Reloads one bean at a time: it reads the bean's class files, defines them in a fresh
 * {@link GenerationClassLoader}, has the bean factory build the new instance, switches
 * the proxy to it in the way of the bean's {@link StatePolicy}, and records the attempt.
 * Whatever fails on the way leaves the previous generation serving.
 */
public final class BeanReloader implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(BeanReloader.class);

	private final ConfigurableListableBeanFactory beanFactory;

	private final ReloadRecorder recorder;

	private final Duration readPatience;

	private final GenerationFactory generationFactory;

	private final GenerationDestruction destruction;

	private final GenerationSwitch keep;

	private final GenerationSwitch reset;

	private final PendingRefresh pendingRefresh;

	private final GenerationLinkage linkage;

	private final SwitchParticipants participants;

	/** The reload timeout unless told otherwise. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

	/** The failure type of an attempt abandoned after the reload timeout. */
	public static final String TIMEOUT_TYPE = "ReloadTimeout";

	private final ReloadWorkers workers;

	/**
	 * Create a reloader with the default parts and time limit.
	 * @param beanFactory the factory that builds new generations
	 * @param recorder where the reload records go
	 * @param drainTimeout how long a switch waits for calls in flight
	 * @param readPatience how long a class file that is still being written is read again
	 * @param pendingRefresh where a bean goes whose new generation cannot run against the
	 * running classes
	 */
	public BeanReloader(ConfigurableListableBeanFactory beanFactory, ReloadRecorder recorder, Duration drainTimeout,
			Duration readPatience, PendingRefresh pendingRefresh) {
		this(beanFactory, recorder, readPatience, pendingRefresh,
				Parts.of(beanFactory, pendingRefresh, drainTimeout, DEFAULT_TIMEOUT));
	}

	/**
	 * Create a reloader from its parts.
	 * @param beanFactory the factory that builds new generations
	 * @param recorder where the reload records go
	 * @param readPatience how long a class file that is still being written is read again
	 * @param pendingRefresh where a bean goes whose new generation cannot run against the
	 * running classes
	 * @param parts the workers, the linkage check, the factory and the switches
	 */
	public BeanReloader(ConfigurableListableBeanFactory beanFactory, ReloadRecorder recorder, Duration readPatience,
			PendingRefresh pendingRefresh, Parts parts) {
		Assert.notNull(beanFactory, "'beanFactory' must not be null");
		Assert.notNull(recorder, "'recorder' must not be null");
		Assert.notNull(readPatience, "'readPatience' must not be null");
		Assert.notNull(pendingRefresh, "'pendingRefresh' must not be null");
		Assert.notNull(parts, "'parts' must not be null");
		this.beanFactory = beanFactory;
		this.recorder = recorder;
		this.readPatience = readPatience;
		this.pendingRefresh = pendingRefresh;
		this.workers = parts.workers();
		this.linkage = parts.linkage();
		this.generationFactory = parts.generationFactory();
		this.destruction = parts.destruction();
		this.keep = parts.keep();
		this.reset = parts.reset();
		this.participants = parts.participants();
	}

	/**
	 * Reload a bean from its current class files, as a new generation even when they did
	 * not change.
	 * @param bean the bean
	 * @param trigger what asked for the reload
	 * @return the record of the attempt
	 */
	public ReloadRecord reload(ReloadableBean bean, Trigger trigger) {
		ReloadRecord record = attempt(bean, trigger, List.of(), true);
		Assert.state(record != null, "A forced reload always makes a record");
		return record;
	}

	/**
	 * Reload a bean whose class files changed, unless they hold the bytes of the live
	 * generation or of the last failed attempt.
	 * @param bean the bean
	 * @param trigger what noticed the change
	 * @param changedClasses the names of the changed classes of the bean
	 * @return the record of the attempt, or {@code null} if there was nothing new to load
	 */
	public @Nullable ReloadRecord reloadIfChanged(ReloadableBean bean, Trigger trigger,
			Collection<String> changedClasses) {
		return attempt(bean, trigger, changedClasses, false);
	}

	// Each attempt runs on a worker thread, so that one that does not end is abandoned
	// after the timeout.
	private @Nullable ReloadRecord attempt(ReloadableBean bean, Trigger trigger, Collection<String> changedClasses,
			boolean force) {
		Instant timestamp = Instant.now();
		long start = System.nanoTime();
		return this.workers.run(bean, start,
				(attempt) -> attempt(bean, trigger, changedClasses, force, timestamp, start, attempt),
				(where) -> timedOut(bean, trigger, changedClasses, timestamp, start, where));
	}

	private ReloadRecord timedOut(ReloadableBean bean, Trigger trigger, Collection<String> changedClasses,
			Instant timestamp, long start, String detail) {
		int generation = bean.target().current().number();
		List<String> classes = changedClasses.isEmpty() ? List.of(bean.className()) : List.copyOf(changedClasses);
		Failure failure = new Failure(TIMEOUT_TYPE,
				"Reload of '" + bean.name() + "' did not finish within "
						+ DurationStyle.SIMPLE.print(this.workers.timeout()) + " and was abandoned; generation "
						+ generation + " keeps serving (" + detail + ")",
				List.of());
		ReloadRecord record = ReloadRecord.failed(timestamp, bean.name(), trigger, classes, generation,
				millisSince(start), failure);
		return this.recorder.reloadFailed(record, bean.className(), null);
	}

	private @Nullable ReloadRecord attempt(ReloadableBean bean, Trigger trigger, Collection<String> changedClasses,
			boolean force, Instant timestamp, long start, ReloadAttempt attempt) {
		Generation previous = bean.target().current();
		List<String> classes = new ArrayList<>(changedClasses);
		GenerationClassLoader loader = null;
		ClassFiles files = null;
		try {
			files = ClassFiles.read(bean.classDirectory(), bean.className(), this.readPatience);
			if (!force && files.sameBytesAs(bean.liveFiles())) {
				// Back to what runs, as after undoing an edit that waits for a
				// refresh.
				this.pendingRefresh.remove(bean.className());
				logger.debug("Class files of '" + bean.name() + "' are those of the live generation; no reload");
				return null;
			}
			if (!force && files.sameBytesAs(bean.failedFiles())) {
				logger.debug("Class files of '" + bean.name() + "' are those already tried; no reload");
				return null;
			}
			if (classes.isEmpty()) {
				classes.addAll(files.classNames());
			}
			NestedClassSharing sharing = NestedClassSharing.plan(bean.originalClass(), bean.originalFiles(), files);
			if (!sharing.refreshNeeded().isEmpty()) {
				throw new RefreshNeededException(refreshNeeded(bean, sharing));
			}
			loader = new GenerationClassLoader("hotreload '" + bean.name() + "' #" + (previous.number() + 1), files,
					sharing.shared(), bean.originalClass().getClassLoader(),
					bean.originalClass().getProtectionDomain());
			Class<?> type = Class.forName(bean.className(), false, loader);
			List<String> problems = this.linkage.problems(bean, files, type, previous.number() + 1,
					(method) -> this.participants.followNewClass(bean.name(), method));
			if (!problems.isEmpty()) {
				throw new IncompatibleGenerationException(problems);
			}
			type = Class.forName(bean.className(), true, loader);
			Object instance = this.generationFactory.create(bean.name(), type, bean.policy());
			Generation next = new Generation(previous.number() + 1, instance);
			attempt.checkNotAbandoned();
			SwitchParticipant.Prepared participants = this.participants.prepare(bean.target(), next);
			SwitchReport report = switchOver(bean, next, participants, attempt);
			participants.commit(previous);
			bean.liveFiles(files);
			this.destruction.takeOver(bean);
			releaseCaches(previous);
			this.pendingRefresh.remove(bean.className());
			ReloadRecord record = ReloadRecord
				.reloaded(timestamp, bean.name(), trigger, classes, next.number(), millisSince(start), report.fields(),
						report.inFlightCalls(), report.notes())
				.withVerdicts(
						verdicts(classes, Category.NEW_GENERATION, "class of reloadable bean '" + bean.name() + "'"))
				.withMappings(participants.mappings());
			return this.recorder.reloaded(record, bean.className());
		}
		catch (Exception | LinkageError ex) {
			if (loader != null) {
				ClassLoaderCaches.clear(loader, this.beanFactory);
			}
			if (attempt.isAbandoned()) {
				// Recorded when it was abandoned; what it built never served.
				logger.debug("Abandoned reload of '" + bean.name() + "' ended", ex);
				return null;
			}
			if (files != null) {
				bean.failedFiles(files);
			}
			if (classes.isEmpty()) {
				classes.add(bean.className());
			}
			if (ex instanceof IncompatibleGenerationException incompatible) {
				// Not a failure of the code but a change that only a refresh can
				// apply.
				String reason = String.join("; ", incompatible.problems());
				this.pendingRefresh.add(bean.className(), reason);
				ReloadRecord record = ReloadRecord
					.failed(timestamp, bean.name(), trigger, classes, previous.number(), millisSince(start),
							new Failure(IncompatibleGenerationException.TYPE, reason, List.of()))
					.withVerdicts(verdicts(classes, Category.REFRESH, reason));
				return this.recorder.reloadNeedsRefresh(record, bean.className());
			}
			ReloadRecord record = ReloadRecord
				.failed(timestamp, bean.name(), trigger, classes, previous.number(), millisSince(start), failureOf(ex))
				.withVerdicts(
						verdicts(classes, Category.NEW_GENERATION, "class of reloadable bean '" + bean.name() + "'"));
			return this.recorder.reloadFailed(record, bean.className(), ex);
		}
	}

	/**
	 * Stop taking reloads once the context closes: the worker threads end when the
	 * attempt under way, if any, is over.
	 */
	@Override
	public void close() {
		this.workers.shutdown();
	}

	private static List<Verdict> verdicts(List<String> classes, Category category, String reason) {
		return classes.stream().map((className) -> new Verdict(className, category, reason)).toList();
	}

	// Callers hold the first generation's nested types: a new generation whose public
	// methods take or return other classes of those names would break them.
	private static String refreshNeeded(ReloadableBean bean, NestedClassSharing sharing) {
		return String.join(", ", sharing.refreshNeeded()) + " changed, but it is used in the public methods of "
				+ bean.className() + ", which the rest of the application calls with the first generation's "
				+ "class: a full refresh is needed to use the change";
	}

	// The participants apply their changes as the last step before the switch is
	// claimed, and undo them unless the new generation took over.
	private SwitchReport switchOver(ReloadableBean bean, Generation next, SwitchParticipant.Prepared participants,
			ReloadAttempt attempt) throws Exception {
		try {
			return switchFor(bean.policy()).apply(bean.target(), next, () -> {
				participants.apply();
				attempt.claimSwitch();
			});
		}
		catch (Exception | LinkageError ex) {
			participants.rollback();
			throw ex;
		}
	}

	private GenerationSwitch switchFor(StatePolicy policy) {
		return (policy == StatePolicy.KEEP) ? this.keep : this.reset;
	}

	/**
	 * Record a failure that happened before a reload could start, such as a compilation
	 * error, and log it. The previous code keeps serving.
	 * @param bean the bean the failure concerns, or {@code null} when no reloadable bean
	 * is concerned
	 * @param trigger what started the attempt
	 * @param classes the names of the classes concerned
	 * @param failure what went wrong
	 * @return the record, as added to the history
	 */
	public ReloadRecord recordFailure(@Nullable ReloadableBean bean, Trigger trigger, List<String> classes,
			Failure failure) {
		int generation = (bean != null) ? bean.target().current().number() : 0;
		ReloadRecord record = ReloadRecord.failed(Instant.now(), (bean != null) ? bean.name() : null, trigger, classes,
				generation, 0, failure);
		return this.recorder.failedBeforeReload(record);
	}

	private void releaseCaches(Generation previous) {
		if (previous.instance().getClass().getClassLoader() instanceof GenerationClassLoader loader) {
			ClassLoaderCaches.clear(loader, this.beanFactory);
		}
	}

	// Package-private access across class loaders is the one failure that hot reload
	// itself causes, so its record says why and what to do.
	private static Failure failureOf(Throwable ex) {
		if (NestedExceptionUtils.getMostSpecificCause(ex) instanceof IllegalAccessError accessError) {
			return new Failure(IllegalAccessError.class.getSimpleName(), PackageAccess.explain(accessError), List.of());
		}
		return Failure.of(ex);
	}

	private static double millisSince(long start) {
		return Math.round((System.nanoTime() - start) / 10_000.0) / 100.0;
	}

	/**
	 * What a reloader is made of, handed in so that each part can be replaced or tested
	 * on its own.
	 *
	 * @param workers runs each attempt within the time limit
	 * @param linkage checks a new generation against the running classes
	 * @param generationFactory builds a new generation's instance
	 * @param destruction ends an old generation
	 * @param keep the switch of {@code KEEP} beans
	 * @param reset the switch of {@code RESET} beans
	 * @param participants what else follows a switch, such as request mappings
	 */
	public record Parts(ReloadWorkers workers, GenerationLinkage linkage, GenerationFactory generationFactory,
			GenerationDestruction destruction, GenerationSwitch keep, GenerationSwitch reset,
			SwitchParticipants participants) {

		/**
		 * Assemble the parts of a context's reloader.
		 * @param beanFactory the factory that builds new generations
		 * @param pendingRefresh what the linkage check consults
		 * @param drainTimeout how long a switch waits for calls in flight
		 * @param timeout how long an attempt may take before it is abandoned
		 * @return the parts
		 */
		public static Parts of(ConfigurableListableBeanFactory beanFactory, PendingRefresh pendingRefresh,
				Duration drainTimeout, Duration timeout) {
			Assert.notNull(drainTimeout, "'drainTimeout' must not be null");
			GenerationFactory factory = new GenerationFactory(beanFactory);
			GenerationDestruction destruction = new GenerationDestruction(beanFactory);
			return new Parts(new ReloadWorkers(timeout), new GenerationLinkage(pendingRefresh), factory, destruction,
					new KeepSwitch(beanFactory, factory, destruction, drainTimeout),
					new ResetSwitch(destruction, drainTimeout),
					new SwitchParticipants(beanFactory.getBeanProvider(SwitchParticipant.class)));
		}

	}

}
