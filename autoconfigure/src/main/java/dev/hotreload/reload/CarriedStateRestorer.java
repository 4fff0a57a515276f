package dev.hotreload.reload;

import dev.hotreload.ReloadRecord.FieldReport;
import dev.hotreload.StatePolicy;
import dev.hotreload.refresh.ProjectClasses;
import dev.hotreload.refresh.RefreshRuntime;
import dev.hotreload.state.StateTransfer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * Gives a {@code KEEP} bean of the new context the state of the bean of the same name in
 * the context that a refresh closed, with the rules of a hot reload, once the bean is
 * initialized and made reloadable. Values of the project's classes are reset, since a
 * refresh defines those classes anew; values of JDK and library classes are kept.
 */
public final class CarriedStateRestorer implements BeanPostProcessor, Ordered {

	private static final Log logger = LogFactory.getLog(CarriedStateRestorer.class);

	private final RefreshRuntime runtime;

	private final ReloadableBeans beans;

	private final ConfigurableListableBeanFactory beanFactory;

	/**
	 * Create a restorer.
	 * @param runtime where the previous instances wait
	 * @param beans the new context's reloadable beans
	 * @param beanFactory the new context's bean factory
	 */
	public CarriedStateRestorer(RefreshRuntime runtime, ReloadableBeans beans,
			ConfigurableListableBeanFactory beanFactory) {
		Assert.notNull(runtime, "'runtime' must not be null");
		Assert.notNull(beans, "'beans' must not be null");
		Assert.notNull(beanFactory, "'beanFactory' must not be null");
		this.runtime = runtime;
		this.beans = beans;
		this.beanFactory = beanFactory;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Object current = this.beans.currentInstance(beanName, StatePolicy.KEEP);
		if (current == null) {
			return bean;
		}
		Object previous = this.runtime.kept(beanName);
		if (previous == null) {
			return bean;
		}
		try {
			StateTransfer transfer = new StateTransfer(new InjectedFields(current, this.beanFactory),
					ProjectClasses::isProjectClass);
			FieldReport fields = transfer.transfer(previous, current);
			this.runtime.carried(beanName, fields);
		}
		catch (RuntimeException ex) {
			logger.warn("The state of '" + beanName + "' could not be carried across the refresh; it starts afresh",
					ex);
		}
		return bean;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
