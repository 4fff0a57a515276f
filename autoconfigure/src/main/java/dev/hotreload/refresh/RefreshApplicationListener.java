package dev.hotreload.refresh;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.hotreload.ReloadRecord.Trigger;
import dev.hotreload.classloading.ClassPathDirectories;
import dev.hotreload.config.WatchedFiles;
import dev.hotreload.history.ReloadHistory;
import dev.hotreload.refresh.devtools.DevToolsRestart;
import dev.hotreload.watch.ChangeIntake;
import dev.hotreload.watch.FileWatcher;
import dev.hotreload.watch.QuietPeriods;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.Assert;

/**
 * Installs the {@link Refresher} when the application starts, before anything else
 * happens, and follows each run of the application: which context to close on the next
 * refresh, and whether the refresh in progress ended ready or failed. Registered in
 * {@code META-INF/spring.factories}, since it must act before the application's
 * environment exists. When DevTools' restart is active, it installs nothing and DevTools'
 * restarter does the refreshes.
 */
public final class RefreshApplicationListener implements ApplicationListener<SpringApplicationEvent>, Ordered {

	private static final Log logger = LogFactory.getLog(RefreshApplicationListener.class);

	// After DevTools' listener, which relaunches the application first when it is on.
	private static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	@Override
	public void onApplicationEvent(SpringApplicationEvent event) {
		if (event instanceof ApplicationStartingEvent) {
			onStarting(event.getArgs());
		}
		else if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
			onEnvironmentPrepared(prepared.getEnvironment());
		}
		else if (event instanceof ApplicationPreparedEvent prepared) {
			onPrepared(prepared.getApplicationContext());
		}
		else if (event instanceof ApplicationReadyEvent ready) {
			onReady(ready.getApplicationContext());
		}
		else if (event instanceof ApplicationFailedEvent failed) {
			onFailed(failed.getApplicationContext(), failed.getException());
		}
	}

	private void onStarting(String[] args) {
		RefreshRuntime runtime = RefreshRuntime.current();
		if (runtime.restart() instanceof Refresher) {
			return;
		}
		if (DevToolsRestart.isActive()) {
			runtime = RefreshRuntime.activate(DevToolsRestart::restart);
			if (runtime.failedLast()) {
				// DevTools starts the application again after a failed restart.
				runtime.begin(Trigger.FILE_CHANGE, List.of());
			}
			return;
		}
		if (runtime.isRefreshable()) {
			return;
		}
		Thread thread = Thread.currentThread();
		RefreshConditions conditions = RefreshConditions.of(args);
		String reason = conditions.reasonNotToRefresh(thread);
		if (reason != null) {
			if (conditions.isHotReloadEnabled()) {
				logger.debug("Hot reload's full refresh is off: " + reason);
			}
			return;
		}
		start(thread, args, conditions);
	}

	private static void start(Thread thread, String[] args, RefreshConditions conditions) {
		ClassLoader baseClassLoader = Objects.requireNonNull(thread.getContextClassLoader());
		Refresher refresher = install(Objects.requireNonNull(MainMethod.mainClassName(thread)), args,
				RefreshConditions.projectClassDirectories(baseClassLoader), baseClassLoader, quietPeriods(conditions));
		throw MainThreadExit.exit(refresher.start());
	}

	/**
	 * Return the quiet periods that the arguments, system properties and environment
	 * variables set, read before any context exists.
	 * @param conditions the settings read so far
	 * @return the quiet periods
	 */
	static QuietPeriods quietPeriods(RefreshConditions conditions) {
		return new QuietPeriods(conditions.get("hotreload.watch.quiet-period", Duration.class, Duration.ofMillis(50)),
				conditions.get("hotreload.watch.single-file-quiet-period", Duration.class,
						QuietPeriods.DEFAULT_SINGLE_FILE_QUIET_PERIOD),
				conditions.get("hotreload.watch.deletion-quiet-period", Duration.class,
						FileWatcher.DEFAULT_DELETION_QUIET_PERIOD));
	}

	/**
	 * Install the refresher of this JVM and make the application refreshable.
	 * @param mainClassName the class whose {@code main} runs the application
	 * @param args the application's arguments
	 * @param directories the project's class directories
	 * @param baseClassLoader the loader of the libraries
	 * @param quietPeriods how long class files must be quiet before a change counts
	 * @return the refresher, not started yet
	 */
	static Refresher install(String mainClassName, String[] args, List<URL> directories, ClassLoader baseClassLoader,
			QuietPeriods quietPeriods) {
		List<Path> paths = new ArrayList<>();
		directories.forEach((url) -> paths.add(Objects.requireNonNull(ClassPathDirectories.toPath(url))));
		RefreshFailureWatch failureWatch = new RefreshFailureWatch(paths, (changes) -> RefreshRuntime.current()
			.refresh(Trigger.FILE_CHANGE, List.copyOf(changes.changedClassNames())));
		Refresher refresher = new Refresher(mainClassName, args, directories, baseClassLoader, failureWatch,
				(unattended) -> new ChangeIntake("hotreload", paths, quietPeriods, WatchedFiles::isWatched, unattended),
				RefreshApplicationListener::refreshEnded);
		RefreshRuntime runtime = RefreshRuntime.activate(refresher);
		Assert.state(runtime.restart() == refresher, "The application is refreshable already");
		// Spring Boot's shutdown hook thread is created once per JVM, when the first
		// handler or context is registered, and keeps the context class loader of the
		// thread that creates it: create it here, where that is the base class loader.
		SpringApplication.getShutdownHandlers().add(() -> {
			refresher.end();
			refresher.stopLogging();
		});
		return refresher;
	}

	// Before Spring Boot's logging listener reads whether to register its handler.
	private void onEnvironmentPrepared(ConfigurableEnvironment environment) {
		if (RefreshRuntime.current().restart() instanceof Refresher refresher) {
			refresher.environmentPrepared(environment);
		}
	}

	private static void refreshEnded(@Nullable Throwable error) {
		if (error != null) {
			RefreshRuntime.current().failed(error);
		}
	}

	private void onPrepared(ConfigurableApplicationContext context) {
		RefreshRuntime.current().restart().contextPrepared(context);
	}

	private void onReady(ConfigurableApplicationContext context) {
		RefreshRuntime runtime = RefreshRuntime.current();
		if (!runtime.isRefreshable() || context.getParent() != null) {
			return;
		}
		if (runtime.isRefreshing() && runtime.restart().classFilesDeletedWhileStarting()) {
			// Its component scan or its class loading may have missed them: the refresh
			// goes on, and the state it carries stays for the next run.
			logger.info("Class files were deleted while the application started again, as by a build that writes "
					+ "its output again: refreshing once more when they are back");
			runtime.restart().restart();
			return;
		}
		ReloadHistory history = context.getBeanProvider(ReloadHistory.class).getIfAvailable();
		runtime.refreshed((history != null) ? history : runtime.history(ReloadHistory.DEFAULT_SIZE));
		String description = runtime.restart().describe();
		if (description != null && runtime.firstAnnouncement()) {
			logger.info(description);
		}
	}

	private void onFailed(@Nullable ConfigurableApplicationContext context, Throwable error) {
		RefreshRuntime runtime = RefreshRuntime.current();
		runtime.restart().contextGone(context);
		if (runtime.isRefreshable() && (context == null || context.getParent() == null)) {
			if (runtime.isRefreshing() && runtime.restart().classFilesDeletedWhileStarting()) {
				// The refresher starts the application again once they are back.
				return;
			}
			runtime.failed(context, error);
		}
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
