package dev.hotreload.refresh;

import java.beans.Introspector;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import dev.hotreload.watch.ChangeIntake;
import dev.hotreload.watch.ChangeSource;
import dev.hotreload.watch.ChangedFiles;
import dev.hotreload.watch.CombinedChangeSource;
import dev.hotreload.watch.FileChangeListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.CachedIntrospectionResults;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Runs the application's {@code main} method on a {@link RefreshClassLoader} and, on
 * request, refreshes it: closes the running application context, then runs {@code main}
 * again, with the original arguments, on a fresh loader for the project's class
 * directories. Library jars stay in the base class loader and are not loaded again.
 * <p>
 * Every refresh runs on a thread of its own ("hotreload-refresh"), created by a daemon
 * thread ("hotreload-refresher") that holds no class of the project on its stack, so that
 * no thread keeps a previous run's class loader reachable. While a refresh runs, and
 * after a refresh failed, a non-daemon thread keeps the JVM up even though no web server
 * runs.
 * <p>
 * Its {@link ChangeIntake} watches the class directories from before the first run for
 * the life of the JVM; each run's context attaches to it, and what is written while none
 * is attached (during a refresh, after a failed one) waits for the next.
 * <p>
 * A refreshed run whose web server finds its port in use is launched again on a fresh
 * loader, with a backoff, for up to {@code hotreload.refresh.port-retry-timeout}; the
 * refresh is recorded once, with its attempts.
 */
public final class Refresher implements RefreshRuntime.Restart {

	private static final Log logger = LogFactory.getLog(Refresher.class);

	/**
	 * What every run takes unless the application sets it, as DevTools does for its
	 * restarts: HTTP sessions that Tomcat saves when a run stops and loads when the next
	 * one starts.
	 */
	static final Map<String, String> PROPERTY_DEFAULTS = Map.of("server.servlet.session.persistent", "true");

	// How long a refresh asked for by a request waits before it stops the web server.
	private static final Duration ANSWER_TIME = Duration.ofMillis(500);

	// How long a refresh waits at most for deleted class files to come back; the intake
	// gives up on them after its deletion quiet period anyway.
	private static final Duration CLASS_FILES_PATIENCE = Duration.ofSeconds(30);

	private final String mainClassName;

	private final String[] args;

	private final List<URL> classDirectories;

	private final ClassLoader baseClassLoader;

	private final List<ConfigurableApplicationContext> contexts = new CopyOnWriteArrayList<>();

	private final BlockingQueue<Runnable> requests = new LinkedBlockingQueue<>();

	private final AtomicInteger runs = new AtomicInteger();

	private final Object monitor = new Object();

	private final RefreshFailureWatch failureWatch;

	private final ChangeIntake intake;

	private final RefreshCompletion completion;

	private final LoggingShutdown loggingShutdown;

	private final CountDownLatch ended = new CountDownLatch(1);

	// Whether a refresh runs, and whether a batch arrived meanwhile that no context took.
	private volatile boolean refreshing;

	private volatile boolean changedWhileRefreshing;

	// The intake's count of deleted class files when the current run was launched.
	private volatile long deletionsAtLaunch;

	private volatile @Nullable RefreshClassLoader classLoader;

	private volatile @Nullable Thread worker;

	// The retries of the refresh in progress while its port is in use.
	private volatile @Nullable PortInUseRetry portRetry;

	/**
	 * Create the refresher of this JVM; nothing runs until {@link #start()}.
	 * @param mainClassName the binary name of the class whose {@code main} runs the
	 * application
	 * @param args the application's arguments, passed again to every run
	 * @param classDirectories the URLs of the project's class directories
	 * @param baseClassLoader the loader of the libraries, parent of every refresh loader
	 * @param failureWatch what keeps the JVM up while no application runs
	 * @param intake the intake of changed class files, which outlives every run
	 * @param completion told of the end of every refresh, on the refresh thread
	 */
	Refresher(String mainClassName, String[] args, List<URL> classDirectories, ClassLoader baseClassLoader,
			RefreshFailureWatch failureWatch, IntakeFactory intake, RefreshCompletion completion) {
		Assert.hasText(mainClassName, "'mainClassName' must not be empty");
		Assert.notNull(args, "'args' must not be null");
		Assert.notEmpty(classDirectories, "'classDirectories' must not be empty");
		Assert.notNull(baseClassLoader, "'baseClassLoader' must not be null");
		Assert.notNull(failureWatch, "'failureWatch' must not be null");
		Assert.notNull(intake, "'intake' must not be null");
		Assert.notNull(completion, "'completion' must not be null");
		this.mainClassName = mainClassName;
		this.args = args.clone();
		this.classDirectories = List.copyOf(classDirectories);
		this.baseClassLoader = baseClassLoader;
		this.failureWatch = failureWatch;
		this.intake = intake.create(this::unattended);
		this.completion = completion;
		this.loggingShutdown = new LoggingShutdown(baseClassLoader);
	}

	/**
	 * Run the application for the first time and wait until {@code main} returns.
	 * @return what {@code main} threw, or {@code null} if the application started
	 */
	@Nullable Throwable start() {
		StaticThrowables.refill(this.baseClassLoader);
		Thread worker;
		synchronized (this.monitor) {
			Assert.state(this.worker == null, "The refresher is started already");
			// Created here, on a stack that holds none of the project's classes, so that
			// the threads it creates later hold none either.
			worker = new Thread(this::work, "hotreload-refresher");
			worker.setDaemon(true);
			worker.setContextClassLoader(this.baseClassLoader);
			this.worker = worker;
		}
		// Before the first run loads a class, so that no later write goes unseen.
		this.intake.start();
		worker.start();
		CountDownLatch done = new CountDownLatch(1);
		AtomicReference<@Nullable Throwable> error = new AtomicReference<>();
		this.requests.add(() -> {
			// The first run fails as a plain run does: no retry, and the JVM may end.
			error.set(launch());
			done.countDown();
		});
		try {
			done.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the application started", ex);
		}
		return error.get();
	}

	@Override
	public void restart() {
		restart(Duration.ZERO);
	}

	/**
	 * Refresh half a second later, as Spring Boot's shutdown endpoint closes the context,
	 * so that the answer to the request that asked for it is written before the web
	 * server stops.
	 */
	@Override
	public void restartAfterAnswer() {
		restart(ANSWER_TIME);
	}

	private void restart(Duration pause) {
		Assert.state(this.worker != null, "The refresher is not started");
		this.requests.add(() -> {
			pause(pause);
			// The running application serves while a build writes its output again.
			awaitClassFiles();
			this.changedWhileRefreshing = false;
			this.refreshing = true;
			stopApplication();
			Throwable error = relaunch();
			if (error != null && classFilesDeletedWhileStarting() && RefreshRuntime.current().isRefreshing()) {
				// Not the code's failure but a build's: the refresh goes on.
				logger.info("Class files were deleted while the application started again, as by a build that "
						+ "writes its output again, and the start failed: refreshing once more when they are back");
				restart();
				this.refreshing = false;
				return;
			}
			// Recorded before a save made meanwhile asks for the next refresh, whose
			// record this failure must not take.
			this.completion.refreshed(error);
			if (error != null) {
				this.failureWatch.start();
			}
			this.refreshing = false;
			if (error != null && this.changedWhileRefreshing) {
				// Written while the refresh failed: perhaps the fix, so refresh again.
				this.failureWatch.changed(this.intake.kept());
			}
		});
	}

	// Runs the application again, and again on a fresh loader after a backoff while its
	// web server's port is in use.
	private @Nullable Throwable relaunch() {
		PortInUseRetry retry = new PortInUseRetry();
		this.portRetry = retry;
		try {
			while (true) {
				Throwable error = launch();
				Duration delay = retry.takeDelay();
				if (error == null || delay == null) {
					return error;
				}
				discardRun();
				try {
					if (this.ended.await(delay.toNanos(), TimeUnit.NANOSECONDS)) {
						return error;
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return error;
				}
			}
		}
		finally {
			this.portRetry = null;
		}
	}

	/**
	 * Decide what a failed run leaves in the history: nothing when it is launched again
	 * because its port was in use.
	 * @param context the context that failed to start, or {@code null}
	 * @param error why it failed
	 * @return the failure to record, or {@code null} if the run is launched again
	 */
	@Override
	public @Nullable Throwable failure(@Nullable ConfigurableApplicationContext context, Throwable error) {
		PortInUseRetry retry = this.portRetry;
		if (retry == null || Thread.currentThread().getContextClassLoader() != this.classLoader) {
			return error;
		}
		return retry.failed(error, portRetryTimeout(context));
	}

	/**
	 * Tell whether a failure is that of a run which is launched again, since its port was
	 * in use.
	 * @param error the failure
	 * @return whether the run is launched again after it
	 */
	boolean retries(Throwable error) {
		PortInUseRetry retry = this.portRetry;
		return retry != null && retry.retries(error);
	}

	@Override
	public List<String> notes() {
		PortInUseRetry retry = this.portRetry;
		return (retry != null) ? retry.notes() : List.of();
	}

	// Read from the run's own environment, so that application.properties can set it.
	private static Duration portRetryTimeout(@Nullable ConfigurableApplicationContext context) {
		if (context == null) {
			return PortInUseRetry.DEFAULT_TIMEOUT;
		}
		return Binder.get(context.getEnvironment())
			.bind(PortInUseRetry.TIMEOUT_PROPERTY, Duration.class)
			.orElse(PortInUseRetry.DEFAULT_TIMEOUT);
	}

	/**
	 * Tell whether class files were deleted since the refreshed application began to
	 * start, as by a build that cleans its output and writes it again: the new run may
	 * then lack classes, or beans that its component scan did not find, or have failed on
	 * a missing class, and the refresh runs the application again once they are back,
	 * with the state of the run before. Once true, it stays true until the next launch.
	 * @return whether the run is to be refreshed again
	 */
	@Override
	public boolean classFilesDeletedWhileStarting() {
		return this.refreshing && this.intake.deletions() != this.deletionsAtLaunch;
	}

	@Override
	public ChangeSource changeSource(Collection<Path> directories, Function<List<Path>, ChangeSource> own) {
		List<Path> others = new ArrayList<>(directories);
		others.removeAll(this.intake.roots());
		if (others.isEmpty()) {
			return this.intake;
		}
		// Directories named in 'hotreload.watch.paths' that no refresh loads anew.
		return new CombinedChangeSource(List.of(this.intake, own.apply(others)));
	}

	// A batch that no context took: kept by the intake for the next context; after a
	// failed refresh, it asks for the next one.
	private void unattended(ChangedFiles changes) {
		if (this.refreshing) {
			this.changedWhileRefreshing = true;
		}
		else {
			this.failureWatch.changed(changes);
		}
	}

	/**
	 * Tell whether a thread runs the application: its context class loader is the current
	 * refresh loader.
	 * @param thread the thread
	 */
	@Override
	public boolean runs(Thread thread) {
		RefreshClassLoader current = this.classLoader;
		return current != null && thread.getContextClassLoader() == current;
	}

	@Override
	public Map<String, String> propertyDefaults() {
		return PROPERTY_DEFAULTS;
	}

	/**
	 * Tell whether a context is the root context of the application this refresher runs:
	 * it is prepared on a thread whose context class loader is the current refresh
	 * loader.
	 * @param context the context being prepared
	 */
	@Override
	public void contextPrepared(ConfigurableApplicationContext context) {
		if (context.getParent() == null && runs(Thread.currentThread())) {
			this.contexts.add(context);
			context.addBeanFactoryPostProcessor(new LibraryMetadataReaders(this.baseClassLoader));
		}
	}

	/**
	 * Forget a context that failed to start or was closed.
	 * @param context the context
	 */
	@Override
	public void contextGone(@Nullable ConfigurableApplicationContext context) {
		if (context != null) {
			this.contexts.remove(context);
		}
	}

	/**
	 * Return the root contexts of the current run.
	 * @return the contexts, empty while none runs
	 */
	List<ConfigurableApplicationContext> contexts() {
		return List.copyOf(this.contexts);
	}

	/**
	 * Return the intake of changed class files, which outlives every run.
	 * @return the intake
	 */
	ChangeIntake intake() {
		return this.intake;
	}

	/**
	 * Return the class loader of the current run.
	 * @return the loader, or {@code null} before the first run
	 */
	public @Nullable RefreshClassLoader classLoader() {
		return this.classLoader;
	}

	/**
	 * Return how many times {@code main} has run, the first run and every attempt of a
	 * refresh included.
	 * @return the number of runs
	 */
	int runs() {
		return this.runs.get();
	}

	/**
	 * Return the project's class directories that every run loads anew.
	 * @return their URLs
	 */
	public List<URL> classDirectories() {
		return this.classDirectories;
	}

	/**
	 * Prepare the environment of a run that is starting: the logging system is stopped by
	 * {@link #stopLogging()}, not by a handler that would keep this run's class loader
	 * for the JVM's life.
	 * @param environment the run's environment
	 */
	void environmentPrepared(ConfigurableEnvironment environment) {
		this.loggingShutdown.takeOver(environment);
	}

	/**
	 * Stop the logging system, once the JVM ends.
	 */
	void stopLogging() {
		this.loggingShutdown.run();
	}

	@Override
	public String describe() {
		int directories = this.classDirectories.size();
		return "Hot reload runs the application on a refreshable class loader for " + directories + " class director"
				+ ((directories == 1) ? "y" : "ies")
				+ ": POST /actuator/hotreload, HotReloader.refresh() or a change that hot reload cannot apply "
				+ "refreshes it in this JVM";
	}

	@Override
	public void end() {
		this.ended.countDown();
		stopApplication();
		this.failureWatch.stop();
		this.intake.stop();
		Thread worker = this.worker;
		if (worker != null) {
			worker.interrupt();
		}
	}

	private void work() {
		while (!Thread.currentThread().isInterrupted()) {
			Runnable request;
			try {
				request = this.requests.take();
			}
			catch (InterruptedException ex) {
				return;
			}
			// A non-daemon thread, so that the JVM stays up while no web server runs.
			Thread refresh = new Thread(request, "hotreload-refresh");
			refresh.setDaemon(false);
			refresh.setContextClassLoader(this.baseClassLoader);
			refresh.start();
			try {
				refresh.join();
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	private @Nullable Throwable launch() {
		if (this.runs.get() > 0) {
			awaitClassFiles();
		}
		this.deletionsAtLaunch = this.intake.deletions();
		// What a library decided about the class path before: the project's files may
		// have changed since.
		StaticTypeCaches.clear();
		int run = this.runs.incrementAndGet();
		RefreshClassLoader loader = new RefreshClassLoader(run, this.classDirectories, this.baseClassLoader);
		this.classLoader = loader;
		RefreshLauncher launcher = new RefreshLauncher(loader, this.mainClassName, this.args);
		launcher.start();
		try {
			launcher.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ex;
		}
		Throwable error = launcher.error();
		if (error == null) {
			this.failureWatch.stop();
		}
		return error;
	}

	// Ends early when the JVM ends.
	private void pause(Duration pause) {
		if (pause.isZero()) {
			return;
		}
		try {
			this.ended.await(pause.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	// A build deleted class files to write them again: started now, the application
	// would start without them.
	private void awaitClassFiles() {
		if (!this.intake.awaitsDeletedFiles()) {
			return;
		}
		logger.info("Class files were deleted, as by a build that writes its output again: the refresh waits for "
				+ "them to come back");
		try {
			this.intake.awaitDeletedFiles(CLASS_FILES_PATIENCE);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void stopApplication() {
		for (ConfigurableApplicationContext context : this.contexts) {
			try {
				context.close();
			}
			catch (RuntimeException ex) {
				logger.warn("Error while closing the application context before a refresh", ex);
			}
			this.contexts.remove(context);
		}
		discardRun();
	}

	// Lets the classes of the last run go: after it was closed, or after it failed.
	private void discardRun() {
		RefreshClassLoader previous = this.classLoader;
		this.classLoader = null;
		if (previous != null) {
			clearCaches(previous);
			StaticThrowables.refill(this.baseClassLoader);
		}
	}

	// Spring's and the JDK's caches keyed by class would keep the previous run's classes,
	// and so its class loader, reachable until memory runs short.
	private static void clearCaches(ClassLoader previous) {
		CachedIntrospectionResults.clearClassLoader(previous);
		ReflectionUtils.clearCache();
		AnnotationUtils.clearCache();
		ResolvableType.clearCache();
		Introspector.flushCaches();
		// Spring Boot's shared bind converter holds property editors made with the
		// context class loader of the run that first bound a property.
		clearStaticField("org.springframework.boot.context.properties.bind.BindConverter", "sharedInstance");
		// Softly held, so released when memory runs short; released now.
		removeKey(SpringFactoriesLoader.class, "cache", previous);
		// Spring Data keeps what it learned of each entity and repository type.
		StaticTypeCaches.clear();
	}

	private static void removeKey(Class<?> type, String fieldName, Object key) {
		Field field = ReflectionUtils.findField(type, fieldName);
		if (field != null && Modifier.isStatic(field.getModifiers())) {
			try {
				ReflectionUtils.makeAccessible(field);
				if (field.get(null) instanceof Map<?, ?> map) {
					map.remove(key);
				}
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				logger.debug("Cannot clear " + type.getName() + "." + fieldName, ex);
			}
		}
	}

	private static void clearStaticField(String className, String fieldName) {
		try {
			Class<?> type = ClassUtils.forName(className, Refresher.class.getClassLoader());
			Field field = ReflectionUtils.findField(type, fieldName);
			if (field != null && Modifier.isStatic(field.getModifiers()) && !Modifier.isFinal(field.getModifiers())) {
				ReflectionUtils.makeAccessible(field);
				field.set(null, null);
			}
		}
		catch (ReflectiveOperationException | LinkageError | RuntimeException ex) {
			logger.debug("Cannot clear " + className + "." + fieldName, ex);
		}
	}

	/**
	 * Creates the intake of changed class files, given what to tell of the batches that
	 * arrive while no context is attached.
	 */
	@FunctionalInterface
	interface IntakeFactory {

		/**
		 * Create the intake.
		 * @param unattended told of each batch that no context took
		 * @return the intake, not started
		 */
		ChangeIntake create(FileChangeListener unattended);

	}

	/**
	 * Called once a refresh is over.
	 */
	@FunctionalInterface
	interface RefreshCompletion {

		/**
		 * The refresh is over.
		 * @param error what {@code main} threw, or {@code null} if the new context
		 * started
		 */
		void refreshed(@Nullable Throwable error);

	}

}
