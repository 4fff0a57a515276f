package dev.hotreload.reload;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;

/**
 * Destroys the instances of replaced generations through the bean factory, and makes sure
 * that the generation serving when the context closes is the one destroyed then.
 */
final class GenerationDestruction {

	private static final Log logger = LogFactory.getLog(GenerationDestruction.class);

	private final ConfigurableListableBeanFactory beanFactory;

	private final Set<String> takenOver = ConcurrentHashMap.newKeySet();

	GenerationDestruction(ConfigurableListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	void destroy(Object instance) {
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
	void takeOver(ReloadableBean bean) {
		if (this.beanFactory instanceof DefaultSingletonBeanRegistry registry && this.takenOver.add(bean.name())) {
			registry.registerDisposableBean(bean.name(), () -> destroy(bean.target().current().instance()));
		}
	}

}
