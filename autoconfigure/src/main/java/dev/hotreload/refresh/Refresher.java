package dev.hotreload.refresh;

import java.beans.Introspector;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.hotreload.watch.ChangedFiles;
import dev.hotreload.watch.EarlierChanges;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.CachedIntrospectionResults;
import org.springframework.cglib.core.ClassNameReader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotationUtils;
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
 */
public final class Refresher {

	private static final Log logger = LogFactory.getLog(Refresher.class);

	private static final Object INSTANCE_MONITOR = new Object();

	private static volatile @Nullable Refresher instance;

	private final String mainClassName;

	private final String[] args;

	private final List<URL> classDirectories;

	private final ClassLoader baseClassLoader;

	private final List<ConfigurableApplicationContext> contexts = new CopyOnWriteArrayList<>();

	private final BlockingQueue<Runnable> requests = new LinkedBlockingQueue<>();

	private final AtomicInteger runs = new AtomicInteger();

	private final Object monitor = new Object();

	private final RefreshFailureWatch failureWatch;

	private final RefreshWindow window;

	private volatile @Nullable RefreshClassLoader classLoader;

	private volatile @Nullable Thread worker;

	private Refresher(String mainClassName, String[] args, List<URL> classDirectories, ClassLoader baseClassLoader,
			RefreshFailureWatch failureWatch, RefreshWindow window) {
		this.mainClassName = mainClassName;
		this.args = args.clone();
		this.classDirectories = List.copyOf(classDirectories);
		this.baseClassLoader = baseClassLoader;
		this.failureWatch = failureWatch;
		this.window = window;
	}

	/**
	 * Create the refresher of this JVM; nothing runs until {@link #start()}.
	 * @param mainClassName the binary name of the class whose {@code main} runs the
	 * application
	 * @param args the application's arguments, passed again to every run
	 * @param classDirectories the URLs of the project's class directories
	 * @param baseClassLoader the loader of the libraries, parent of every refresh loader
	 * @param failureWatch what watches the class directories while no application runs
	 * @param window what watches the class directories while a refresh runs
	 * @return the refresher
	 * @throws IllegalStateException if this JVM already has one
	 */
	static Refresher install(String mainClassName, String[] args, List<URL> classDirectories,
			ClassLoader baseClassLoader, RefreshFailureWatch failureWatch, RefreshWindow window) {
		Assert.hasText(mainClassName, "'mainClassName' must not be empty");
		Assert.notNull(args, "'args' must not be null");
		Assert.notEmpty(classDirectories, "'classDirectories' must not be empty");
		Assert.notNull(baseClassLoader, "'baseClassLoader' must not be null");
		Assert.notNull(failureWatch, "'failureWatch' must not be null");
		Assert.notNull(window, "'window' must not be null");
		synchronized (INSTANCE_MONITOR) {
			Assert.state(instance == null, "A refresher is already installed");
			Refresher refresher = new Refresher(mainClassName, args, classDirectories, baseClassLoader, failureWatch,
					window);
			instance = refresher;
			return refresher;
		}
	}

	/**
	 * Return the refresher of this JVM.
	 * @return the refresher, or {@code null} if the application does not run on one
	 */
	public static @Nullable Refresher get() {
		return instance;
	}

	/**
	 * Run the application for the first time and wait until {@code main} returns.
	 * @return what {@code main} threw, or {@code null} if the application started
	 */
	@Nullable Throwable start() {
		fillEarlyExitStackTrace();
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
		worker.start();
		CountDownLatch done = new CountDownLatch(1);
		AtomicReference<@Nullable Throwable> error = new AtomicReference<>();
		this.requests.add(() -> {
			error.set(launch(false));
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

	/**
	 * Ask for a refresh; it runs on a thread of its own, after the refreshes asked for
	 * before.
	 * @param completion called on the refresh thread once the refresh is over, with what
	 * {@code main} threw, or {@code null} if the new context started
	 */
	void refresh(RefreshCompletion completion) {
		Assert.notNull(completion, "'completion' must not be null");
		Assert.state(this.worker != null, "The refresher is not started");
		this.requests.add(() -> {
			// Watched from before the context closes until the new one's watcher
			// starts and takes what was written meanwhile.
			this.window.open();
			stopApplication();
			Throwable error = launch(true);
			ChangedFiles untaken = this.window.take();
			if (error != null && !untaken.files().isEmpty()) {
				// Written while the refresh failed: perhaps the fix, so refresh again.
				this.failureWatch.changed(untaken);
			}
			completion.refreshed(error);
		});
	}

	/**
	 * Return the class files written while the current refresh ran, for the new context's
	 * watcher to take once it has started.
	 * @return the changes of the refresh window
	 */
	public EarlierChanges refreshWindow() {
		return this.window;
	}

	/**
	 * Tell whether a context is the root context of the application this refresher runs:
	 * it is prepared on a thread whose context class loader is the current refresh
	 * loader.
	 * @param context the context being prepared
	 */
	void contextPrepared(ConfigurableApplicationContext context) {
		if (context.getParent() == null && Thread.currentThread().getContextClassLoader() == this.classLoader) {
			this.contexts.add(context);
		}
	}

	/**
	 * Forget a context that failed to start or was closed.
	 * @param context the context
	 */
	void contextGone(@Nullable ConfigurableApplicationContext context) {
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
	 * Return the class loader of the current run.
	 * @return the loader, or {@code null} before the first run
	 */
	public @Nullable RefreshClassLoader classLoader() {
		return this.classLoader;
	}

	/**
	 * Return the project's class directories that every run loads anew.
	 * @return their URLs
	 */
	public List<URL> classDirectories() {
		return this.classDirectories;
	}

	/**
	 * Close the application and end the refresher's threads, as when the JVM stops. For
	 * tests, which run many applications in one JVM.
	 */
	static void uninstall() {
		Refresher refresher;
		synchronized (INSTANCE_MONITOR) {
			refresher = instance;
			instance = null;
		}
		if (refresher != null) {
			refresher.stopApplication();
			refresher.failureWatch.stop();
			Thread worker = refresher.worker;
			if (worker != null) {
				worker.interrupt();
			}
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

	private @Nullable Throwable launch(boolean refresh) {
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
		else if (refresh) {
			// The first run fails as a plain run does; a failed refresh keeps the JVM up.
			this.failureWatch.start();
		}
		return error;
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
		RefreshClassLoader previous = this.classLoader;
		this.classLoader = null;
		if (previous != null) {
			clearCaches(previous);
		}
	}

	// CGLIB keeps one exception in a static field, with the stack trace of the thread
	// that first needed it; when that is a run of the application, its frames keep that
	// run's classes reachable. Filled here, on a stack with none of them.
	private static void fillEarlyExitStackTrace() {
		Field field = ReflectionUtils.findField(ClassNameReader.class, "EARLY_EXIT");
		if (field != null) {
			try {
				ReflectionUtils.makeAccessible(field);
				if (ReflectionUtils.getField(field, null) instanceof Throwable earlyExit) {
					earlyExit.fillInStackTrace();
				}
			}
			catch (RuntimeException ex) {
				logger.debug("Cannot prepare CGLIB's ClassNameReader", ex);
			}
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
