package dev.hotreload.reload;

import dev.hotreload.StatePolicy;
import dev.hotreload.refresh.RefreshRuntime;
import dev.hotreload.refresh.SurvivesRefreshScope;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.util.Assert;

/**
 * Hands over what outlives the application context when it closes: before a refresh, the
 * last instance of every {@code KEEP} bean goes to the {@link RefreshRuntime}; when the
 * application stops for good, the {@code @SurvivesRefresh} instances are destroyed.
 */
public final class RefreshHandOver implements ApplicationListener<ContextClosedEvent> {

	private static final Log logger = LogFactory.getLog(RefreshHandOver.class);

	private final RefreshRuntime runtime;

	private final ReloadableBeans beans;

	private final ConfigurableListableBeanFactory beanFactory;

	/**
	 * Create a hand-over.
	 * @param runtime what outlives the context
	 * @param beans the context's reloadable beans
	 * @param beanFactory the context's bean factory
	 */
	public RefreshHandOver(RefreshRuntime runtime, ReloadableBeans beans, ConfigurableListableBeanFactory beanFactory) {
		Assert.notNull(runtime, "'runtime' must not be null");
		Assert.notNull(beans, "'beans' must not be null");
		Assert.notNull(beanFactory, "'beanFactory' must not be null");
		this.runtime = runtime;
		this.beans = beans;
		this.beanFactory = beanFactory;
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		if (event.getApplicationContext().getAutowireCapableBeanFactory() != this.beanFactory) {
			return;
		}
		if (this.runtime.isRefreshing()) {
			this.beans.currentInstances(StatePolicy.KEEP).forEach(this.runtime::keep);
			return;
		}
		for (String name : this.runtime.survivorNames()) {
			if (this.beanFactory.containsBeanDefinition(name)
					&& SurvivesRefreshScope.NAME.equals(this.beanFactory.getBeanDefinition(name).getScope())) {
				try {
					this.beanFactory.destroyScopedBean(name);
				}
				catch (RuntimeException ex) {
					logger.warn("Destroying @SurvivesRefresh bean '" + name + "' failed", ex);
				}
			}
		}
	}

}
