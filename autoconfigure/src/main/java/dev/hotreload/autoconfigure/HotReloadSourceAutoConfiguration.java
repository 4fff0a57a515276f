package dev.hotreload.autoconfigure;

import java.nio.file.Path;
import java.util.List;

import javax.tools.ToolProvider;

import dev.hotreload.compile.SourceChangeWatcher;
import dev.hotreload.compile.SourceRoots;
import dev.hotreload.reload.ChangeDispatcher;
import dev.hotreload.reload.HotReloadEngine;
import dev.hotreload.reload.ReloadableBeans;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration of source mode: the running application compiles the Java sources
 * that change and the engine reloads the result. It applies when hot reload is on, unless
 * {@code hotreload.source.enabled} is {@code false}; source mode then runs when a source
 * directory is found next to a class directory or named in
 * {@code hotreload.source.paths}.
 */
@AutoConfiguration(after = HotReloadAutoConfiguration.class)
@ConditionalOnBean(HotReloadEngine.class)
@ConditionalOnBooleanProperty(name = "hotreload.source.enabled", matchIfMissing = true)
public final class HotReloadSourceAutoConfiguration {

	@Bean
	SourceChangeWatcher hotReloadSourceChangeWatcher(ReloadableBeans hotReloadableBeans,
			ChangeDispatcher hotReloadChangeDispatcher, HotReloadProperties properties,
			ConfigurableListableBeanFactory beanFactory) {
		ClassLoader classLoader = (beanFactory.getBeanClassLoader() != null) ? beanFactory.getBeanClassLoader()
				: ClassUtils.getDefaultClassLoader();
		List<Path> classDirectories = List.copyOf(hotReloadableBeans.classDirectories());
		SourceChangeWatcher watcher = new SourceChangeWatcher(hotReloadChangeDispatcher, classDirectories,
				SourceRoots.find(classDirectories, properties.getSource().getPaths()), classLoader,
				properties.getWatch().quietPeriods(), ToolProvider::getSystemJavaCompiler);
		watcher.setWarmUp(properties.getSource().isWarmUp());
		return watcher;
	}

}
