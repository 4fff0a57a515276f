package dev.hotreload.autoconfigure;

import java.nio.file.Path;
import java.util.Set;

import dev.hotreload.HotReloadable;
import dev.hotreload.classloading.ClassPathDirectories;
import dev.hotreload.history.ReloadHistory;
import dev.hotreload.reload.ClassChangeWatcher;
import dev.hotreload.reload.HotReloadEngine;
import dev.hotreload.reload.ReloadableBeanPostProcessor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of hot reload: the engine, the post-processor that hands out
 * {@link HotReloadable} beans as reloadable proxies, and the class directory watcher. It
 * applies only when hot reload is on (see {@code hotreload.enabled} and
 * {@code hotreload.profiles}).
 */
@AutoConfiguration
@Conditional(OnHotReloadEnabledCondition.class)
@EnableConfigurationProperties(HotReloadProperties.class)
public final class HotReloadAutoConfiguration {

	private static final Log logger = LogFactory.getLog(HotReloadAutoConfiguration.class);

	// Static and bound by hand: the post-processor needs the engine before the context
	// can create ordinary beans such as the properties bean.
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static HotReloadEngine hotReloadEngine(ConfigurableListableBeanFactory beanFactory, Environment environment) {
		HotReloadProperties properties = bind(environment);
		ClassLoader beanClassLoader = beanFactory.getBeanClassLoader();
		ClassLoader classLoader = (beanClassLoader != null) ? beanClassLoader
				: HotReloadAutoConfiguration.class.getClassLoader();
		Set<Path> directories = ClassPathDirectories.find(classLoader, properties.getWatch().getPaths());
		if (directories.isEmpty()) {
			logger.info("Hot reload is on, but the classpath has no class directory to watch (a packaged "
					+ "application?): no bean will be reloadable");
		}
		return new HotReloadEngine(beanFactory, directories, properties.getReload().getDrainTimeout(),
				properties.getWatch().getQuietPeriod(), new ReloadHistory(properties.getHistory().getSize()));
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ReloadableBeanPostProcessor reloadableBeanPostProcessor(HotReloadEngine hotReloadEngine,
			Environment environment) {
		return new ReloadableBeanPostProcessor(hotReloadEngine, bind(environment).getInclude());
	}

	@Bean
	ClassChangeWatcher hotReloadClassChangeWatcher(HotReloadEngine hotReloadEngine, HotReloadProperties properties) {
		return new ClassChangeWatcher(hotReloadEngine, properties.getWatch().getQuietPeriod());
	}

	private static HotReloadProperties bind(Environment environment) {
		return Binder.get(environment).bindOrCreate("hotreload", HotReloadProperties.class);
	}

}
