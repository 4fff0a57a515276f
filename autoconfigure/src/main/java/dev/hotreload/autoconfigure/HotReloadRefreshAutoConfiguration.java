package dev.hotreload.autoconfigure;

import dev.hotreload.refresh.GeneratedPasswordKeeper;
import dev.hotreload.refresh.RefreshRuntime;
import dev.hotreload.refresh.SurvivesRefreshPostProcessor;
import dev.hotreload.refresh.tomcat.RefreshSessionManager;
import dev.hotreload.reload.CarriedStateRestorer;
import dev.hotreload.reload.RefreshHandOver;
import dev.hotreload.reload.ReloadableBeans;
import org.apache.catalina.session.StandardManager;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.security.autoconfigure.SecurityProperties;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.util.Assert;

/**
 * Auto-configuration of what crosses a full refresh: the state of {@code KEEP} beans,
 * handed over when the context closes and taken by the beans of the new context, the
 * {@code @SurvivesRefresh} instances, the HTTP sessions of an embedded Tomcat and the
 * password Spring Boot generated for its default user. It applies when hot reload is on
 * and the application runs on a restarter (hot reload's own or DevTools').
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

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SecurityProperties.class)
	static final class GeneratedPasswordConfiguration {

		@Bean
		GeneratedPasswordKeeper hotReloadGeneratedPasswordKeeper(ListableBeanFactory beanFactory) {
			return new GeneratedPasswordKeeper(runtime(), beanFactory);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ StandardManager.class, TomcatContextCustomizer.class })
	@ConditionalOnWebApplication(type = Type.SERVLET)
	static final class TomcatSessionsConfiguration {

		// First, right after Spring Boot set up the context's manager, so that other
		// customizers see the manager that is used.
		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		TomcatContextCustomizer hotReloadSessionManagerCustomizer() {
			return RefreshSessionManager::install;
		}

	}

}
