package dev.hotreload.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.hotreload.ApplicationReconfiguredEvent;
import dev.hotreload.ApplicationRefreshedEvent;
import dev.hotreload.BeanReloadedEvent;
import dev.hotreload.ClassesRedefinedEvent;
import dev.hotreload.HotReloadEvent;
import dev.hotreload.HotReloadable;
import dev.hotreload.ReloadFailedEvent;
import dev.hotreload.ReloadRecord;
import dev.hotreload.classloading.ClassPathDirectories;
import dev.hotreload.config.Reconfigurator;
import dev.hotreload.config.StartupResourceChanges;
import dev.hotreload.config.WatchedFiles;
import dev.hotreload.history.ReloadHistory;
import dev.hotreload.history.ReloadRecorder;
import dev.hotreload.redefine.InstrumentationAccess;
import dev.hotreload.refresh.FullRefresh;
import dev.hotreload.refresh.PendingRefresh;
import dev.hotreload.refresh.RefreshRuntime;
import dev.hotreload.reload.BeanReloader;
import dev.hotreload.reload.ChangeDispatcher;
import dev.hotreload.reload.ClassChangeWatcher;
import dev.hotreload.reload.HotReloadEngine;
import dev.hotreload.reload.InPlaceChanges;
import dev.hotreload.reload.ReloadableBeanPostProcessor;
import dev.hotreload.reload.ReloadableBeans;
import dev.hotreload.resources.MessageBundleChanges;
import dev.hotreload.resources.MessageBundles;
import dev.hotreload.resources.WebResourceListener;
import dev.hotreload.watch.ChangeSource;
import dev.hotreload.watch.ChangedFile;
import dev.hotreload.watch.DirectoryWatch;
import dev.hotreload.watch.FileChangeListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of hot reload: the registry of reloadable beans and the
 * post-processor that hands out {@link HotReloadable} beans as reloadable proxies, the
 * reloader, the history, and the class directory watcher. It applies only when hot reload
 * is on (see {@code hotreload.enabled} and {@code hotreload.profiles}).
 */
@AutoConfiguration
@Conditional(OnHotReloadEnabledCondition.class)
@EnableConfigurationProperties(HotReloadProperties.class)
public final class HotReloadAutoConfiguration {

	private static final Log logger = LogFactory.getLog(HotReloadAutoConfiguration.class);

	// Static and bound by hand: the post-processor needs the registry before the context
	// can create ordinary beans such as the properties bean.
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ReloadableBeans hotReloadableBeans(ConfigurableListableBeanFactory beanFactory, Environment environment) {
		ClassLoader beanClassLoader = beanFactory.getBeanClassLoader();
		ClassLoader classLoader = (beanClassLoader != null) ? beanClassLoader
				: HotReloadAutoConfiguration.class.getClassLoader();
		Set<Path> directories = ClassPathDirectories.find(classLoader, bind(environment).getWatch().getPaths());
		if (directories.isEmpty()) {
			logger.info("Hot reload is on, but the classpath has no class directory to watch (a packaged "
					+ "application?): no bean will be reloadable");
		}
		return new ReloadableBeans(directories);
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ReloadableBeanPostProcessor reloadableBeanPostProcessor(ReloadableBeans hotReloadableBeans,
			Environment environment) {
		return new ReloadableBeanPostProcessor(hotReloadableBeans, bind(environment).getInclude());
	}

	// Across full refreshes, every context's history shares the records of the one that
	// outlives them.
	@Bean
	ReloadHistory hotReloadHistory(HotReloadProperties properties, ApplicationEventPublisher eventPublisher) {
		ReloadHistory history = new ReloadHistory(RefreshRuntime.current().history(properties.getHistory().getSize()));
		history.addListener((record) -> eventPublisher.publishEvent(eventOf(history, record)));
		return history;
	}

	@Bean
	ReloadRecorder hotReloadRecorder(ReloadHistory hotReloadHistory) {
		return new ReloadRecorder(hotReloadHistory);
	}

	@Bean
	BeanReloader hotReloadBeanReloader(ConfigurableListableBeanFactory beanFactory, ReloadRecorder hotReloadRecorder,
			HotReloadProperties properties, PendingRefresh hotReloadPendingRefresh) {
		Duration drainTimeout = properties.getReload().getDrainTimeout();
		return new BeanReloader(beanFactory, hotReloadRecorder, properties.getReload().getReadPatience(),
				hotReloadPendingRefresh, BeanReloader.Parts.of(beanFactory, hotReloadPendingRefresh, drainTimeout,
						properties.getReload().getTimeout()));
	}

	@Bean
	HotReloadEngine hotReloadEngine(ReloadableBeans hotReloadableBeans, BeanReloader hotReloadBeanReloader,
			ReloadHistory hotReloadHistory, PendingRefresh hotReloadPendingRefresh) {
		RefreshRuntime runtime = RefreshRuntime.current();
		return new HotReloadEngine(hotReloadableBeans, hotReloadBeanReloader, hotReloadHistory, hotReloadPendingRefresh,
				runtime.isRefreshable() ? runtime::refresh : null);
	}

	@Bean
	PendingRefresh hotReloadPendingRefresh() {
		return new PendingRefresh();
	}

	@Bean
	InstrumentationAccess hotReloadInstrumentation(HotReloadProperties properties) {
		return new InstrumentationAccess(properties.getRedefine().isSelfAttach());
	}

	@Bean
	InPlaceChanges hotReloadInPlaceChanges(InstrumentationAccess hotReloadInstrumentation,
			ReloadRecorder hotReloadRecorder, PendingRefresh hotReloadPendingRefresh, HotReloadProperties properties,
			ConfigurableListableBeanFactory beanFactory) {
		return new InPlaceChanges(hotReloadInstrumentation, hotReloadRecorder, hotReloadPendingRefresh,
				properties.getReload().getReadPatience(), beanFactory.getBeanClassLoader());
	}

	@Bean
	ChangeDispatcher hotReloadChangeDispatcher(ReloadableBeans hotReloadableBeans, BeanReloader hotReloadBeanReloader,
			InPlaceChanges hotReloadInPlaceChanges, HotReloadProperties properties) {
		return new ChangeDispatcher(hotReloadableBeans, hotReloadBeanReloader, hotReloadInPlaceChanges,
				properties.getRefresh().isOnUnreloadableChange() ? refreshOnUnreloadableChange() : null);
	}

	// Next to DevTools too: DevTools' own watcher leaves class files to hot reload (see
	// HotReloadDevToolsAutoConfiguration), and the refresh is a DevTools restart.
	private static @Nullable FullRefresh refreshOnUnreloadableChange() {
		RefreshRuntime runtime = RefreshRuntime.current();
		return runtime.isRefreshable() ? runtime::refresh : null;
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "hotreload.configuration.enabled", matchIfMissing = true)
	Reconfigurator hotReloadReconfigurator(ConfigurableApplicationContext context, ReloadableBeans hotReloadableBeans,
			HotReloadEngine hotReloadEngine, ReloadRecorder hotReloadRecorder, PendingRefresh hotReloadPendingRefresh,
			ReloadHistory hotReloadHistory, HotReloadProperties properties) {
		Reconfigurator reconfigurator = new Reconfigurator(context, hotReloadableBeans, hotReloadEngine,
				hotReloadRecorder, hotReloadPendingRefresh,
				properties.getRefresh().isOnUnreloadableChange() ? refreshOnUnreloadableChange() : null,
				hotReloadableBeans.classDirectories());
		// What it keeps of the beans' classes holds until a class changes.
		hotReloadHistory.addListener((record) -> {
			if (record.outcome() == ReloadRecord.Outcome.RELOADED
					|| record.outcome() == ReloadRecord.Outcome.REDEFINED) {
				reconfigurator.classesChanged();
			}
		});
		return reconfigurator;
	}

	@Bean
	ClassChangeWatcher hotReloadClassChangeWatcher(ReloadableBeans hotReloadableBeans,
			ChangeDispatcher hotReloadChangeDispatcher, HotReloadProperties properties,
			ObjectProvider<Reconfigurator> hotReloadReconfigurator, ConfigurableApplicationContext context,
			ObjectProvider<WebResourceListener> webResourceListeners, PendingRefresh hotReloadPendingRefresh) {
		// On hot reload's refresher, the intake that outlives this context; otherwise a
		// watcher of the context's own.
		ChangeSource source = RefreshRuntime.current()
			.changeSource(hotReloadableBeans.classDirectories(), (directories) -> new DirectoryWatch("hotreload",
					directories, properties.getWatch().quietPeriods(), WatchedFiles::isWatched));
		Reconfigurator reconfigurator = hotReloadReconfigurator.getIfAvailable();
		MessageBundleChanges messages = new MessageBundleChanges(context);
		StartupResourceChanges startupResources = new StartupResourceChanges(hotReloadPendingRefresh,
				properties.getRefresh().isOnUnreloadableChange() ? refreshOnUnreloadableChange() : null);
		MessageBundles bundles = MessageBundles.of(context.getEnvironment());
		FileChangeListener listener = (changes) -> {
			hotReloadChangeDispatcher.onChange(changes);
			if (reconfigurator != null) {
				reconfigurator.onChange(changes);
			}
			messages.onChange(changes);
			startupResources.onChange(changes);
			List<String> resources = changes.files()
				.stream()
				.filter((file) -> WatchedFiles.isWebResource(file.relativeName())
						|| bundles.isBundle(file.root(), file.path()))
				.map(ChangedFile::relativeName)
				.toList();
			if (!resources.isEmpty()) {
				webResourceListeners.orderedStream().forEach((each) -> each.resourcesChanged(resources));
			}
		};
		return new ClassChangeWatcher(hotReloadableBeans, listener, source);
	}

	private static HotReloadEvent eventOf(ReloadHistory history, ReloadRecord record) {
		return switch (record.outcome()) {
			case FAILED -> new ReloadFailedEvent(history, record);
			case REDEFINED -> new ClassesRedefinedEvent(history, record);
			case REFRESHED -> new ApplicationRefreshedEvent(history, record);
			case RECONFIGURED -> new ApplicationReconfiguredEvent(history, record);
			default -> new BeanReloadedEvent(history, record);
		};
	}

	private static HotReloadProperties bind(Environment environment) {
		return Binder.get(environment).bindOrCreate("hotreload", HotReloadProperties.class);
	}

}
