package dev.hotreload.autoconfigure;

import dev.hotreload.refresh.RefreshRuntime;
import dev.hotreload.refresh.devtools.DevToolsRestartListener;
import dev.hotreload.refresh.devtools.HotReloadRestartStrategy;
import dev.hotreload.reload.ReloadableBeans;
import dev.hotreload.resources.MessageBundles;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.devtools.autoconfigure.DevToolsProperties;
import org.springframework.boot.devtools.classpath.ClassPathRestartStrategy;
import org.springframework.boot.devtools.classpath.PatternClassPathRestartStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.util.Assert;

/**
 * Auto-configuration of hot reload next to Spring Boot DevTools, when DevTools' restart
 * is active: DevTools restarts only for the files that hot reload cannot apply, and
 * DevTools' restarts are recorded as full refreshes, with state carried across. It comes
 * before DevTools' own auto-configuration, whose restart strategy backs off when one is
 * defined.
 */
@AutoConfiguration(after = HotReloadAutoConfiguration.class,
		beforeName = "org.springframework.boot.devtools.autoconfigure.LocalDevToolsAutoConfiguration")
@ConditionalOnClass(ClassPathRestartStrategy.class)
@ConditionalOnBean(ReloadableBeans.class)
@Conditional(OnDevToolsRestartCondition.class)
public final class HotReloadDevToolsAutoConfiguration {

	private static final Log logger = LogFactory.getLog(HotReloadDevToolsAutoConfiguration.class);

	@Bean
	ClassPathRestartStrategy hotReloadClassPathRestartStrategy(ReloadableBeans hotReloadableBeans,
			Environment environment, HotReloadProperties properties) {
		DevToolsProperties devTools = Binder.get(environment).bindOrCreate("spring.devtools", DevToolsProperties.class);
		ClassPathRestartStrategy patterns = new PatternClassPathRestartStrategy(devTools.getRestart().getAllExclude());
		boolean restartForUnreloadable = properties.getRefresh().isOnUnreloadableChange();
		if (runtime().firstAnnouncement()) {
			logger.info(restartForUnreloadable
					? "DevTools restarts the application only for changes that hot reload cannot apply; "
							+ "hot reload decides on every class file and its full refresh is a DevTools restart"
					: "DevTools restarts the application for no class file (hotreload.refresh.on-unreloadable-change"
							+ " is false); hot reload's full refresh is a DevTools restart");
		}
		boolean configuration = properties.getConfiguration().isEnabled();
		MessageBundles messages = MessageBundles.of(environment);
		return HotReloadRestartStrategy.of(hotReloadableBeans.classDirectories(), configuration, messages, patterns);
	}

	@Bean
	DevToolsRestartListener hotReloadDevToolsRestartListener() {
		return new DevToolsRestartListener(runtime());
	}

	private static RefreshRuntime runtime() {
		RefreshRuntime runtime = RefreshRuntime.current();
		Assert.state(runtime.isRefreshable(), "The application cannot be refreshed");
		return runtime;
	}

}
