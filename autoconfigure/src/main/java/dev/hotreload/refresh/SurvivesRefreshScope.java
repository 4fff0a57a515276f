package dev.hotreload.refresh;

import dev.hotreload.SurvivesRefresh;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.ObjectFactory;
import org.springframework.beans.factory.config.Scope;
import org.springframework.util.Assert;

/**
 * The scope of {@link SurvivesRefresh} beans: an instance lives in the
 * {@link RefreshRuntime}, so every run of the application gets the same one, and the
 * context does not destroy it when a refresh closes it. An instance of one of the
 * project's classes is refused, since the next run could not use it.
 */
public final class SurvivesRefreshScope implements Scope {

	/**
	 * The name of the scope.
	 */
	public static final String NAME = "hotreload.survivesRefresh";

	private final RefreshRuntime runtime;

	SurvivesRefreshScope(RefreshRuntime runtime) {
		Assert.notNull(runtime, "'runtime' must not be null");
		this.runtime = runtime;
	}

	@Override
	public Object get(String name, ObjectFactory<?> objectFactory) {
		return this.runtime.survivor(name, () -> {
			Object instance = objectFactory.getObject();
			Class<?> type = AopProxyUtils.ultimateTargetClass(instance);
			if (ProjectClasses.isProjectClass(type) || ProjectClasses.isProjectClass(instance.getClass())) {
				throw new BeanCreationException(name, "@SurvivesRefresh bean '" + name + "' is of class "
						+ type.getName() + ", which comes from the project's class directories: a refresh defines "
						+ "that class anew, so the instance cannot survive it. Use @SurvivesRefresh only for "
						+ "beans whose class comes from a library (a jar), such as a container or a connection pool");
			}
			return instance;
		});
	}

	@Override
	public @Nullable Object remove(String name) {
		return this.runtime.removeSurvivor(name);
	}

	// Destroyed by RefreshHandOver when the application stops for good, with the bean
	// factory of that moment, so that no callback keeps an earlier context reachable.
	@Override
	public void registerDestructionCallback(String name, Runnable callback) {
	}

	@Override
	public @Nullable Object resolveContextualObject(String key) {
		return null;
	}

	@Override
	public @Nullable String getConversationId() {
		return null;
	}

}
