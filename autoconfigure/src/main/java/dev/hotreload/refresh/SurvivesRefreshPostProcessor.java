package dev.hotreload.refresh;

import java.util.ArrayList;
import java.util.List;

import dev.hotreload.SurvivesRefresh;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.type.MethodMetadata;
import org.springframework.util.Assert;

/**
 * Puts the beans marked {@link SurvivesRefresh} (on their class or their {@code @Bean}
 * method) in the scope whose instances outlive refreshes, and creates them with the
 * singletons, as they would be without the annotation.
 */
public final class SurvivesRefreshPostProcessor implements BeanFactoryPostProcessor, SmartInitializingSingleton {

	private final RefreshRuntime runtime;

	private final List<String> beanNames = new ArrayList<>();

	private @Nullable ConfigurableListableBeanFactory beanFactory;

	/**
	 * Create a post-processor.
	 * @param runtime where the surviving instances live
	 */
	public SurvivesRefreshPostProcessor(RefreshRuntime runtime) {
		Assert.notNull(runtime, "'runtime' must not be null");
		this.runtime = runtime;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
		beanFactory.registerScope(SurvivesRefreshScope.NAME, new SurvivesRefreshScope(this.runtime));
		for (String name : beanFactory.getBeanDefinitionNames()) {
			BeanDefinition definition = beanFactory.getBeanDefinition(name);
			if (definition instanceof AnnotatedBeanDefinition annotated && isMarked(annotated)) {
				Assert.state(definition.isSingleton(),
						() -> "@SurvivesRefresh bean '" + name + "' must be a singleton, not " + definition.getScope());
				definition.setScope(SurvivesRefreshScope.NAME);
				this.beanNames.add(name);
			}
		}
	}

	@Override
	public void afterSingletonsInstantiated() {
		ConfigurableListableBeanFactory beanFactory = this.beanFactory;
		if (beanFactory != null) {
			this.beanNames.forEach(beanFactory::getBean);
		}
	}

	private static boolean isMarked(AnnotatedBeanDefinition definition) {
		MethodMetadata factoryMethod = definition.getFactoryMethodMetadata();
		if (factoryMethod != null) {
			return factoryMethod.isAnnotated(SurvivesRefresh.class.getName());
		}
		return definition.getMetadata().isAnnotated(SurvivesRefresh.class.getName());
	}

}
