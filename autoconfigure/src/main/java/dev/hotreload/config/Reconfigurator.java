package dev.hotreload.config;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Category;
import dev.hotreload.ReloadRecord.Failure;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.ReloadRecord.PropertyChanges;
import dev.hotreload.ReloadRecord.Trigger;
import dev.hotreload.ReloadRecord.Verdict;
import dev.hotreload.history.ReloadRecorder;
import dev.hotreload.refresh.FullRefresh;
import dev.hotreload.refresh.PendingRefresh;
import dev.hotreload.reload.HotReloadEngine;
import dev.hotreload.reload.ReloadableBeans;
import dev.hotreload.watch.ChangedFile;
import dev.hotreload.watch.ChangedFiles;
import dev.hotreload.watch.FileChangeListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.Scope;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Applies changed configuration files to the running application: loads them again, works
 * out the changed keys, and applies them hot where it can (the environment, the project's
 * {@code @ConfigurationProperties} beans, log levels, a new generation of the reloadable
 * beans that read a changed key through {@code @Value}), or by one full refresh where
 * only a refresh can. Records each change once; values never appear in the record, the
 * log or the events.
 */
public final class Reconfigurator implements FileChangeListener {

	private static final Log logger = LogFactory.getLog(Reconfigurator.class);

	private static final String LOGGING_LEVEL = "logging.level.";

	private static final String ENVIRONMENT_CHANGE_EVENT = "org.springframework.cloud.context.environment.EnvironmentChangeEvent";

	// The scope of Spring Cloud's @RefreshScope.
	private static final String REFRESH_SCOPE = "refresh";

	// Keys that Spring Boot's auto-configuration and conditions read at startup.
	private static final List<String> STARTUP_PREFIXES = List.of("spring.", "server.", "management.");

	private final ConfigurableApplicationContext context;

	private final ReloadableBeans beans;

	private final HotReloadEngine engine;

	private final ReloadRecorder recorder;

	private final PendingRefresh pendingRefresh;

	private final @Nullable FullRefresh refresh;

	private final Collection<Path> classDirectories;

	private final EnvironmentUpdate update;

	// Kept from one change to the next: finding the beans and conditions that keys
	// concern walks every bean and class of the context, which changes only as classes
	// do.
	private final PropertiesRebinder rebinder;

	private final ValueReaders valueReaders;

	private final PropertyConditions conditions;

	private final Object monitor = new Object();

	/**
	 * Create the reconfigurator of a context.
	 * @param context the application context
	 * @param beans the reloadable beans
	 * @param engine gives reloadable beans a new generation
	 * @param recorder where the records go
	 * @param pendingRefresh where what waits for a refresh goes
	 * @param refresh the full refresh that applies what cannot be applied hot, or
	 * {@code null} to leave it pending
	 * @param classDirectories the project's class directories
	 */
	public Reconfigurator(ConfigurableApplicationContext context, ReloadableBeans beans, HotReloadEngine engine,
			ReloadRecorder recorder, PendingRefresh pendingRefresh, @Nullable FullRefresh refresh,
			Collection<Path> classDirectories) {
		Assert.notNull(context, "'context' must not be null");
		Assert.notNull(beans, "'beans' must not be null");
		Assert.notNull(engine, "'engine' must not be null");
		Assert.notNull(recorder, "'recorder' must not be null");
		Assert.notNull(pendingRefresh, "'pendingRefresh' must not be null");
		this.context = context;
		this.beans = beans;
		this.engine = engine;
		this.recorder = recorder;
		this.pendingRefresh = pendingRefresh;
		this.refresh = refresh;
		this.classDirectories = List.copyOf(classDirectories);
		// The application's class loader, not the one of the thread that takes the
		// change.
		this.update = new EnvironmentUpdate(context.getEnvironment(),
				new DefaultResourceLoader(applicationClassLoader(context, this.classDirectories)));
		this.rebinder = new PropertiesRebinder(context, this.classDirectories);
		this.valueReaders = new ValueReaders(context.getBeanFactory(), beans, this.classDirectories);
		this.conditions = new PropertyConditions(context);
	}

	/**
	 * Forget what was found of the beans and their classes, as classes were reloaded or
	 * redefined: a changed class may read other keys.
	 */
	public void classesChanged() {
		this.rebinder.forget();
		this.valueReaders.forget();
	}

	private static @Nullable ClassLoader applicationClassLoader(ConfigurableApplicationContext context,
			Collection<Path> classDirectories) {
		ClassLoader loader = context.getBeanFactory().getBeanClassLoader();
		return (loader != null) ? new JarResources(loader, classDirectories) : null;
	}

	@Override
	public void onChange(ChangedFiles changes) {
		List<String> files = new ArrayList<>();
		for (ChangedFile file : changes.files()) {
			if (ConfigFiles.isConfigFile(file.root(), file.path())) {
				files.add(file.relativeName());
			}
		}
		if (!files.isEmpty()) {
			synchronized (this.monitor) {
				reconfigure(files.stream().distinct().sorted().toList());
			}
		}
	}

	private void reconfigure(List<String> files) {
		Instant timestamp = Instant.now();
		long start = System.nanoTime();
		EnvironmentUpdate.Loaded loaded;
		try {
			loaded = this.update.load();
		}
		catch (RuntimeException ex) {
			failed(timestamp, start, files, null, ex, List.of());
			return;
		}
		PropertyChanges changes = loaded.changes();
		if (changes.isEmpty()) {
			logger.debug("Configuration files " + files + " changed no key");
			return;
		}
		List<String> keys = changes.all();
		PropertiesRebinder.Plan rebinds = this.rebinder.plan(keys);
		Map<String, Set<String>> readers = this.valueReaders.readersOf(keys);
		List<String> refreshReasons = new ArrayList<>(rebinds.refreshReasons);
		refreshReasons.addAll(startupKeys(keys, rebinds.coveredKeys));
		List<String> generations = new ArrayList<>();
		readers.forEach((beanName, read) -> {
			if (this.beans.get(beanName) != null) {
				generations.add(beanName);
			}
			else if (!isRefreshScoped(beanName)) {
				refreshReasons.add(String.join(", ", read) + " read through @Value by '" + beanName
						+ "', which is not reloadable");
			}
		});
		this.valueReaders.startupReadersOf(keys)
			.forEach((beanName, read) -> refreshReasons.add(String.join(", ", read) + " read by an annotation of '"
					+ beanName + "' (such as @Scheduled), which Spring reads once"));
		// Checked against the environment as it would be; put back if it fails or only a
		// refresh can apply it (the refresh's new run loads the files afresh).
		this.update.swap(loaded.current(), loaded.loaded());
		Map<String, Object> fresh;
		try {
			checkResolvable(keys);
			readers.keySet()
				.forEach((beanName) -> this.valueReaders.checkResolvable(beanName, this.context.getEnvironment()));
			refreshReasons.addAll(this.conditions.flippedBy(keys));
			fresh = refreshReasons.isEmpty() ? this.rebinder.bind(rebinds) : Map.of();
		}
		catch (RuntimeException ex) {
			// The previous configuration keeps serving, whole.
			this.update.swap(loaded.loaded(), loaded.current());
			failed(timestamp, start, files, changes, ex, values(loaded));
			return;
		}
		if (!refreshReasons.isEmpty()) {
			this.update.swap(loaded.loaded(), loaded.current());
			needsRefresh(files, changes, String.join("; ", refreshReasons));
			return;
		}
		this.rebinder.apply(rebinds, fresh);
		List<String> notes = new ArrayList<>();
		if (!rebinds.rebinds.isEmpty()) {
			notes.add("rebound " + rebinds.rebinds.keySet());
		}
		List<String> levels = applyLogLevels(keys);
		if (!levels.isEmpty()) {
			notes.add("log levels of " + levels);
		}
		for (String beanName : generations) {
			ReloadRecord reload = this.engine.reload(beanName, Trigger.FILE_CHANGE);
			notes.add((reload.outcome() == Outcome.RELOADED) ? "new generation of '" + beanName + "'"
					: "'" + beanName + "' keeps its generation: its reload failed (record " + reload.id() + ")");
		}
		publishEnvironmentChange(keys);
		if (refreshScope()) {
			notes.add("refreshed @RefreshScope beans");
		}
		if (notes.isEmpty()) {
			notes.add("environment only");
		}
		this.recorder.reconfigured(ReloadRecord.reconfigured(timestamp, files, millisSince(start), changes, notes));
	}

	// A bean of Spring Cloud's refresh scope, or the scoped proxy of one, is created anew
	// at its next use after the scope is refreshed.
	private boolean isRefreshScoped(String beanName) {
		ConfigurableListableBeanFactory beanFactory = this.context.getBeanFactory();
		if (beanFactory.getRegisteredScope(REFRESH_SCOPE) == null) {
			return false;
		}
		String target = ScopedProxyUtils.isScopedTarget(beanName) ? beanName
				: ScopedProxyUtils.getTargetBeanName(beanName);
		return beanFactory.containsBeanDefinition(target)
				&& REFRESH_SCOPE.equals(beanFactory.getBeanDefinition(target).getScope());
	}

	// As Spring Cloud's /actuator/refresh does after the environment changed: the beans
	// of the refresh scope are created anew at their next use.
	private boolean refreshScope() {
		Scope scope = this.context.getBeanFactory().getRegisteredScope(REFRESH_SCOPE);
		if (scope == null) {
			return false;
		}
		Method refreshAll = ReflectionUtils.findMethod(scope.getClass(), "refreshAll");
		if (refreshAll == null) {
			return false;
		}
		ReflectionUtils.invokeMethod(refreshAll, scope);
		return true;
	}

	// Keys no bean of the project binds that Spring Boot reads at startup, and the keys
	// that choose profiles.
	private static List<String> startupKeys(List<String> keys, List<String> covered) {
		List<String> reasons = new ArrayList<>();
		for (String key : keys) {
			if (key.startsWith("spring.profiles.")) {
				reasons.add(key + " chooses the active profiles, at startup");
			}
			else if (!covered.contains(key) && !key.startsWith(LOGGING_LEVEL)
					&& STARTUP_PREFIXES.stream().anyMatch(key::startsWith)) {
				reasons.add(key + " is read by Spring Boot's auto-configuration, at startup");
			}
		}
		return reasons;
	}

	private void needsRefresh(List<String> files, PropertyChanges changes, String reason) {
		List<Verdict> verdicts = files.stream().map((file) -> new Verdict(file, Category.REFRESH, reason)).toList();
		if (this.refresh != null) {
			logger.info("Changed configuration " + changes.all() + " needs a full refresh: " + reason);
			this.refresh.refresh(Trigger.FILE_CHANGE, files, verdicts);
		}
		else {
			files.forEach((file) -> this.pendingRefresh.add(file, reason));
			logger.warn("Changed configuration " + changes.all()
					+ " needs a full refresh, and the previous configuration keeps serving: " + reason);
		}
	}

	// A placeholder that cannot be resolved fails here, not at the next read.
	private void checkResolvable(List<String> keys) {
		ConfigurableEnvironment environment = this.context.getEnvironment();
		for (String key : keys) {
			environment.getProperty(key);
		}
	}

	private List<String> applyLogLevels(List<String> keys) {
		List<String> loggers = new ArrayList<>();
		LoggingSystem loggingSystem = this.context.getBeanProvider(LoggingSystem.class)
			.getIfAvailable(() -> LoggingSystem.get(getClass().getClassLoader()));
		for (String key : keys) {
			if (key.startsWith(LOGGING_LEVEL)) {
				String name = key.substring(LOGGING_LEVEL.length());
				String value = this.context.getEnvironment().getProperty(key);
				LogLevel level = (value != null) ? LogLevel.valueOf(value.trim().toUpperCase(Locale.ROOT)) : null;
				loggingSystem.setLogLevel(name.equalsIgnoreCase("root") ? LoggingSystem.ROOT_LOGGER_NAME : name, level);
				loggers.add(name);
			}
		}
		return loggers;
	}

	// As after Spring Cloud's /actuator/refresh, for the application's listeners. Its
	// source is this reconfigurator, not the context: Spring Cloud's
	// ConfigurationPropertiesRebinder rebinds every bean for an event of the context, and
	// the project's beans are rebound already (the library's refresh instead).
	private void publishEnvironmentChange(List<String> keys) {
		ClassLoader classLoader = this.context.getClassLoader();
		if (ClassUtils.isPresent(ENVIRONMENT_CHANGE_EVENT, classLoader)) {
			try {
				Class<?> type = ClassUtils.forName(ENVIRONMENT_CHANGE_EVENT, classLoader);
				Object event = BeanUtils.instantiateClass(type.getConstructor(Object.class, Set.class), this,
						new LinkedHashSet<>(keys));
				this.context.publishEvent(event);
			}
			catch (ReflectiveOperationException | LinkageError ex) {
				logger.debug("Cannot publish Spring Cloud's EnvironmentChangeEvent", ex);
			}
		}
	}

	private void failed(Instant timestamp, long start, List<String> files, @Nullable PropertyChanges changes,
			Throwable ex, List<String> secrets) {
		Failure failure = Failure.of(ex);
		String message = failure.message();
		String type = failure.type();
		// Spring Boot's binder names the key that did not bind; the cause says why.
		BindException bind = findCause(ex, BindException.class);
		if (bind != null) {
			message = bind.getMessage() + ": " + message + invalidKeys(ex);
			type = BindException.class.getSimpleName();
		}
		Failure redacted = new Failure(type, redact(message, secrets), List.of());
		this.recorder.reconfigurationFailed(
				ReloadRecord.failed(timestamp, null, Trigger.FILE_CHANGE, files, 0, millisSince(start), redacted)
					.withProperties(changes));
	}

	// A validation error names its fields in lines of its own: the keys, without the
	// rejected values.
	private static String invalidKeys(Throwable ex) {
		BindValidationException validation = findCause(ex, BindValidationException.class);
		if (validation == null) {
			return "";
		}
		ValidationErrors errors = validation.getValidationErrors();
		List<String> keys = new ArrayList<>();
		for (ObjectError error : errors.getAllErrors()) {
			keys.add((error instanceof FieldError field) ? errors.getName() + "." + field.getField()
					: error.getObjectName());
		}
		return keys.isEmpty() ? "" : " " + keys.stream().distinct().toList();
	}

	private static <T extends Throwable> @Nullable T findCause(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	// Values may be passwords: a message that quotes one (a value that does not convert)
	// shows it masked.
	private static String redact(String message, List<String> values) {
		String redacted = message;
		for (String value : values) {
			if (value.length() >= 3) {
				redacted = redacted.replace(value, "******");
			}
		}
		return redacted;
	}

	private static List<String> values(EnvironmentUpdate.Loaded loaded) {
		List<String> values = new ArrayList<>();
		List<PropertySource<?>> sources = new ArrayList<>(loaded.current());
		sources.addAll(loaded.loaded());
		for (PropertySource<?> source : sources) {
			if (source instanceof EnumerablePropertySource<?> enumerable) {
				for (String name : enumerable.getPropertyNames()) {
					Object value = enumerable.getProperty(name);
					if (value != null) {
						values.add(value.toString());
					}
				}
			}
		}
		// Longest first, so that a value is masked whole before a part of it.
		values.sort((a, b) -> Integer.compare(b.length(), a.length()));
		return values;
	}

	private static double millisSince(long start) {
		return Math.round((System.nanoTime() - start) / 10_000.0) / 100.0;
	}

}
