package dev.hotreload.autoconfigure;

import dev.hotreload.refresh.RefreshRuntime;
import dev.hotreload.refresh.SurvivesRefreshPostProcessor;
import dev.hotreload.reload.CarriedStateRestorer;
import dev.hotreload.reload.RefreshHandOver;
import dev.hotreload.reload.ReloadableBeans;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Role;
import org.springframework.util.Assert;

/**
 * Auto-configuration of what crosses a full refresh: the state of {@code KEEP} beans,
 * handed over when the context closes and taken by the beans of the new context, and the
 * {@code @SurvivesRefresh} instances. It applies when hot reload is on and the
 * application runs on a restarter (hot reload's own or DevTools').
 */
@AutoConfiguration(after = HotReloadAutoConfiguration.class)
@ConditionalOnBean(ReloadableBeans.class)
@Conditional(OnRefreshAvailableCondition.class)
public final class HotReloadRefreshAutoConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static SurvivesRefreshPostProcessor hotReloadSurvivesRefreshPostProcessor() {
		return new SurvivesRefreshPostProcessor(runtime());
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static CarriedStateRestorer hotReloadCarriedStateRestorer(ReloadableBeans hotReloadableBeans,
			ConfigurableListableBeanFactory beanFactory) {
		return new CarriedStateRestorer(runtime(), hotReloadableBeans, beanFactory);
	}

	@Bean
	RefreshHandOver hotReloadRefreshHandOver(ReloadableBeans hotReloadableBeans,
			ConfigurableListableBeanFactory beanFactory) {
		return new RefreshHandOver(runtime(), hotReloadableBeans, beanFactory);
	}

	private static RefreshRuntime runtime() {
		RefreshRuntime runtime = RefreshRuntime.current();
		Assert.state(runtime.isRefreshable(), "The application cannot be refreshed");
		return runtime;
	}

}
