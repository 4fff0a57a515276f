package dev.hotreload.reload;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.ReloadRecord.State;
import dev.hotreload.ReloadRecord.Trigger;
import dev.hotreload.StatePolicy;
import dev.hotreload.classloading.ClassFiles;
import dev.hotreload.classloading.ClassLoaderCaches;
import dev.hotreload.classloading.ClassPathDirectories;
import dev.hotreload.classloading.GenerationClassLoader;
import dev.hotreload.history.ReloadHistory;
import dev.hotreload.proxy.Generation;
import dev.hotreload.proxy.PackageAccess;
import dev.hotreload.proxy.ReloadableProxies;
import dev.hotreload.proxy.ReloadableTarget;
import dev.hotreload.state.StateTransfer;
import dev.hotreload.watch.ChangedFile;
import dev.hotreload.watch.ChangedFiles;
import dev.hotreload.watch.FileChangeListener;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The hot reload engine: it wraps reloadable beans in stable proxies, and reloads a bean
 * when its class files change or when asked to, one reload at a time. A reload reads the
 * class files, defines them in a fresh {@link GenerationClassLoader}, has the bean
 * factory build the new instance, carries the state over and switches the proxy to it.
 * Whatever fails on the way leaves the previous generation serving and is recorded.
 */
public final class HotReloadEngine implements HotReloader, FileChangeListener {

	private static final Log logger = LogFactory.getLog(HotReloadEngine.class);

	private final ConfigurableListableBeanFactory beanFactory;

	private final Set<Path> classDirectories;

	private final Duration drainTimeout;

	private final Duration readPatience;

	private final ReloadHistory history;

	private final GenerationFactory generationFactory;

	private final Map<String, ReloadableBean> beans = new ConcurrentHashMap<>();

	private final Set<String> destructionTakenOver = ConcurrentHashMap.newKeySet();

	private final Object reloadMonitor = new Object();

	/**
	 * Create an engine.
	 * @param beanFactory the factory that builds new generations
	 * @param classDirectories the class directories whose classes can be reloaded
	 * @param drainTimeout how long a reload waits for calls in flight
	 * @param readPatience how long a class file that is still being written is read again
	 * @param history where the reload records go
	 */
	public HotReloadEngine(ConfigurableListableBeanFactory beanFactory, Collection<Path> classDirectories,
			Duration drainTimeout, Duration readPatience, ReloadHistory history) {
		Assert.notNull(beanFactory, "'beanFactory' must not be null");
		Assert.notNull(classDirectories, "'classDirectories' must not be null");
		Assert.notNull(drainTimeout, "'drainTimeout' must not be null");
		Assert.notNull(readPatience, "'readPatience' must not be null");
		Assert.notNull(history, "'history' must not be null");
		this.beanFactory = beanFactory;
		this.classDirectories = Collections.unmodifiableSet(new LinkedHashSet<>(classDirectories));
		this.drainTimeout = drainTimeout;
		this.readPatience = readPatience;
		this.history = history;
		this.generationFactory = new GenerationFactory(beanFactory);
	}

	/**
	 * Return the class directories whose classes can be reloaded.
	 * @return the class directories in classpath order, empty in a packaged application
	 */
	public Set<Path> classDirectories() {
		return this.classDirectories;
	}

	/**
	 * Make a bean reloadable.
	 * @param beanName the bean's name
	 * @param bean the bean instance the context created
	 * @param policy what a reload does with the bean's state
	 * @return the proxy to hand out instead of the bean, or {@code null} if the bean
	 * cannot be reloaded (the reason is logged)
	 */
	public @Nullable Object register(String beanName, Object bean, StatePolicy policy) {
		Class<?> type = ClassUtils.getUserClass(bean);
		Path directory = ClassPathDirectories.directoryOf(type, this.classDirectories);
		if (directory == null) {
			logger.info("Bean '" + beanName + "' (" + type.getName()
					+ ") is not hot-reloadable: its class is not in a watched class directory");
			return null;
		}
		if (!ReloadableProxies.canProxy(type)) {
			logger.info("Bean '" + beanName + "' (" + type.getName()
					+ ") is not hot-reloadable: its class is final and implements no interface");
			return null;
		}
		ClassFiles files;
		try {
			files = ClassFiles.read(directory, type.getName(), Duration.ZERO);
		}
		catch (IOException | ClassFormatError ex) {
			logger.warn("Bean '" + beanName + "' (" + type.getName() + ") is not hot-reloadable: " + ex);
			return null;
		}
		ReloadableTarget target = new ReloadableTarget(beanName, type, new Generation(1, bean));
		this.beans.put(beanName, new ReloadableBean(beanName, type, policy, directory, target, files));
		return ReloadableProxies.create(target, type.getClassLoader());
	}

	@Override
	public ReloadRecord reload(String beanName) {
		return reload(beanName, Trigger.API);
	}

	/**
	 * Reload a bean now from its current class files, always as a new generation.
	 * @param beanName the name of a reloadable bean
	 * @param trigger what asked for the reload
	 * @return the record of the attempt
	 * @throws IllegalArgumentException if no reloadable bean has that name
	 */
	public ReloadRecord reload(String beanName, Trigger trigger) {
		ReloadableBean bean = this.beans.get(beanName);
		if (bean == null) {
			throw new IllegalArgumentException(
					"No hot-reloadable bean named '" + beanName + "'; reloadable beans are " + reloadableBeans());
		}
		ReloadRecord record = reload(bean, trigger, List.of(), true);
		Assert.state(record != null, "A forced reload always makes a record");
		return record;
	}

	@Override
	public List<ReloadRecord> history() {
		return this.history.records();
	}

	/**
	 * Return the reload history of one bean.
	 * @param beanName the bean's name
	 * @return its records, newest first
	 */
	public List<ReloadRecord> history(String beanName) {
		return this.history.recordsOf(beanName);
	}

	@Override
	public Set<String> reloadableBeans() {
		return new TreeSet<>(this.beans.keySet());
	}

	/**
	 * Return the status of every reloadable bean, by name.
	 * @return the statuses
	 */
	public List<BeanStatus> beans() {
		return this.beans.values()
			.stream()
			.map(ReloadableBean::status)
			.sorted(Comparator.comparing(BeanStatus::name))
			.toList();
	}

	/**
	 * Return the status of one reloadable bean.
	 * @param beanName the bean's name
	 * @return its status, or {@code null} if no reloadable bean has that name
	 */
	public @Nullable BeanStatus bean(String beanName) {
		ReloadableBean bean = this.beans.get(beanName);
		return (bean != null) ? bean.status() : null;
	}

	/**
	 * Reload the beans whose classes changed, each once for the whole batch.
	 * @param changes a batch of changed class files
	 */
	@Override
	public void onChange(ChangedFiles changes) {
		Set<String> unclaimed = new TreeSet<>(changes.changedClassNames());
		for (ReloadableBean bean : sortedBeans()) {
			Set<String> changed = new TreeSet<>();
			for (String className : changes.changedClassNames()) {
				if (bean.owns(className)) {
					changed.add(className);
					unclaimed.remove(className);
				}
			}
			if (!changed.isEmpty() && Files.exists(bean.classFile())) {
				reload(bean, Trigger.FILE_CHANGE, changed, false);
			}
		}
		for (ChangedFile file : changes.files()) {
			String className = file.className();
			if (file.deleted() && className != null
					&& this.beans.values().stream().anyMatch((bean) -> bean.owns(className))) {
				logger.info("Class file " + file.relativeName() + " was deleted; the live generation keeps serving");
			}
		}
		if (!unclaimed.isEmpty()) {
			Set<String> topLevel = new TreeSet<>();
			unclaimed.forEach((className) -> topLevel.add(ClassFiles.topLevelClassName(className)));
			logger.info("Changed classes are not hot-reloadable: " + String.join(", ", topLevel)
					+ "; a full refresh is needed to use them");
		}
	}

	/**
	 * Return the names of the reloadable beans that a class belongs to: the bean's own
	 * class or one of its nested classes.
	 * @param className a binary class name
	 * @return the bean names, sorted; empty if the class belongs to no reloadable bean
	 */
	public List<String> beanNamesOf(String className) {
		return this.beans.values()
			.stream()
			.filter((bean) -> bean.owns(className))
			.map(ReloadableBean::name)
			.sorted()
			.toList();
	}

	/**
	 * Record a failure that happened before a reload could start, such as a compilation
	 * error, and log it. The live generation keeps serving.
	 * @param subject the bean the failure concerns, or the class name when no reloadable
	 * bean is concerned
	 * @param trigger what started the attempt
	 * @param classes the names of the classes concerned
	 * @param error what went wrong
	 * @return the record, added to the history
	 */
	public ReloadRecord recordFailure(String subject, Trigger trigger, List<String> classes, ReloadRecord.Error error) {
		ReloadableBean bean = this.beans.get(subject);
		int generation = (bean != null) ? bean.target().current().number() : 0;
		ReloadRecord record = new ReloadRecord(this.history.nextId(), Instant.now(), subject, trigger,
				List.copyOf(classes), Outcome.FAILED, generation, 0, State.NONE, error, 0);
		logger.warn("Reload of '" + subject + "' failed; " + ((bean != null)
				? "generation " + generation + " keeps serving: " : "the previous code keeps serving: ") + error.type()
				+ ": " + error.message());
		this.history.add(record);
		return record;
	}

	private List<ReloadableBean> sortedBeans() {
		List<ReloadableBean> sorted = new ArrayList<>(this.beans.values());
		sorted.sort(Comparator.comparing(ReloadableBean::name));
		return sorted;
	}

	private @Nullable ReloadRecord reload(ReloadableBean bean, Trigger trigger, Collection<String> changedClasses,
			boolean force) {
		synchronized (this.reloadMonitor) {
			Instant timestamp = Instant.now();
			long start = System.nanoTime();
			ReloadableTarget target = bean.target();
			Generation previous = target.current();
			List<String> classes = new ArrayList<>(changedClasses);
			GenerationClassLoader loader = null;
			ClassFiles files = null;
			try {
				files = ClassFiles.read(bean.classDirectory(), bean.className(), this.readPatience);
				if (!force && (files.sameBytesAs(bean.liveFiles()) || files.sameBytesAs(bean.failedFiles()))) {
					logger.debug("Class files of '" + bean.name() + "' are those already tried; no reload");
					return null;
				}
				if (classes.isEmpty()) {
					classes.addAll(files.classNames());
				}
				loader = new GenerationClassLoader("hotreload '" + bean.name() + "' #" + (previous.number() + 1), files,
						bean.originalClass().getClassLoader(), bean.originalClass().getProtectionDomain());
				Class<?> type = Class.forName(bean.className(), true, loader);
				Object instance = this.generationFactory.create(bean.name(), type, bean.policy());
				Generation next = new Generation(previous.number() + 1, instance);
				Switch result = (bean.policy() == StatePolicy.KEEP) ? keep(target, next) : reset(target, next);
				bean.liveFiles(files);
				takeOverDestruction(bean);
				releaseCaches(previous);
				ReloadRecord record = new ReloadRecord(this.history.nextId(), timestamp, bean.name(), trigger, classes,
						Outcome.RELOADED, next.number(), millisSince(start), result.state(), null,
						result.stillRunning());
				logger.info(describeSuccess(bean, record));
				this.history.add(record);
				return record;
			}
			catch (Exception | LinkageError ex) {
				if (loader != null) {
					ClassLoaderCaches.clear(loader, this.beanFactory);
				}
				if (files != null) {
					bean.failedFiles(files);
				}
				if (classes.isEmpty()) {
					classes.add(bean.className());
				}
				ReloadRecord record = new ReloadRecord(this.history.nextId(), timestamp, bean.name(), trigger, classes,
						Outcome.FAILED, previous.number(), millisSince(start), State.NONE, errorOf(ex), 0);
				logger.warn(describeFailure(bean, record), ex);
				this.history.add(record);
				return record;
			}
		}
	}

	// Package-private access across class loaders is the one failure that hot reload
	// itself causes, so its record says why and what to do.
	private static ReloadRecord.Error errorOf(Throwable ex) {
		if (NestedExceptionUtils.getMostSpecificCause(ex) instanceof IllegalAccessError accessError) {
			return new ReloadRecord.Error(IllegalAccessError.class.getSimpleName(), PackageAccess.explain(accessError),
					List.of());
		}
		return ReloadRecord.Error.of(ex);
	}

	private Switch keep(ReloadableTarget target, Generation next) throws Exception {
		StateTransfer transfer = new StateTransfer(new InjectedFields(next.instance(), this.beanFactory));
		State[] state = { State.NONE };
		int stillRunning = target.replace(next, this.drainTimeout, (previous, current) -> {
			state[0] = transfer.transfer(previous.instance(), current.instance());
			AfterReloadMethods.invoke(current.instance(), previous.instance());
		});
		return new Switch(state[0], stillRunning);
	}

	private Switch reset(ReloadableTarget target, Generation next) throws Exception {
		Generation previous = target.current();
		try {
			AfterReloadMethods.invoke(next.instance(), previous.instance());
		}
		catch (Exception | LinkageError ex) {
			// The new instance went through its init callbacks but will never serve.
			destroy(next.instance());
			throw ex;
		}
		int stillRunning = target.replaceNow(next, this.drainTimeout);
		if (stillRunning > 0) {
			logger.warn("Destroying generation " + previous.number() + " of '" + target.beanName() + "' while "
					+ stillRunning + " call(s) still run on it after " + this.drainTimeout);
		}
		destroy(previous.instance());
		return new Switch(new State(List.of(), fieldNames(next.instance().getClass()), List.of()), stillRunning);
	}

	private void destroy(Object instance) {
		try {
			this.beanFactory.destroyBean(instance);
		}
		catch (RuntimeException ex) {
			logger.warn("Destroy callback of a replaced generation of " + instance.getClass().getName() + " failed",
					ex);
		}
	}

	// Spring registered the first generation for destruction; from now on the current
	// generation is the one to destroy when the context closes.
	private void takeOverDestruction(ReloadableBean bean) {
		if (this.beanFactory instanceof DefaultSingletonBeanRegistry registry
				&& this.destructionTakenOver.add(bean.name())) {
			registry.registerDisposableBean(bean.name(), () -> destroy(bean.target().current().instance()));
		}
	}

	private void releaseCaches(Generation previous) {
		if (previous.instance().getClass().getClassLoader() instanceof GenerationClassLoader loader) {
			ClassLoaderCaches.clear(loader, this.beanFactory);
		}
	}

	private static List<String> fieldNames(Class<?> type) {
		List<String> names = new ArrayList<>();
		ReflectionUtils.doWithFields(type, (field) -> names.add(field.getName()),
				(Field field) -> !Modifier.isStatic(field.getModifiers()) && !field.isSynthetic());
		return names;
	}

	private static double millisSince(long start) {
		return Math.round((System.nanoTime() - start) / 10_000.0) / 100.0;
	}

	private static String describeSuccess(ReloadableBean bean, ReloadRecord record) {
		State state = record.state();
		String message = String.format(Locale.ROOT,
				"Reloaded '%s' (%s) to generation %d in %.1f ms: kept %s, reset %s, dropped %s", bean.name(),
				bean.className(), record.generation(), record.durationMillis(), state.kept(), state.reset(),
				state.dropped());
		if (record.inFlightCalls() > 0) {
			message += "; " + record.inFlightCalls() + " call(s) were still running on generation "
					+ (record.generation() - 1) + " after the drain timeout";
		}
		return message;
	}

	private static String describeFailure(ReloadableBean bean, ReloadRecord record) {
		ReloadRecord.Error error = record.error();
		return String.format(Locale.ROOT,
				"Reload of '%s' (%s) failed after %.1f ms; generation %d keeps serving: %s: %s", bean.name(),
				bean.className(), record.durationMillis(), record.generation(), (error != null) ? error.type() : "?",
				(error != null) ? error.message() : "");
	}

	private record Switch(State state, int stillRunning) {

	}

}
