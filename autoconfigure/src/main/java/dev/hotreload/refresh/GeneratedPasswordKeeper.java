package dev.hotreload.refresh;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.util.Assert;

/**
 * Keeps the password that Spring Boot generated for its default user, when the
 * application configures none, for the later runs of the application: otherwise every
 * refresh would make a new one, and the developer's browser or client would have to log
 * in again with a password found in the log. The next runs take it as
 * {@code spring.security.user.password} from {@link RefreshPropertyDefaults}, so Spring
 * Boot neither generates nor logs another one.
 */
public final class GeneratedPasswordKeeper implements SmartInitializingSingleton {

	/**
	 * The property that later runs take the password from.
	 */
	public static final String PASSWORD = "spring.security.user.password";

	private final RefreshRuntime runtime;

	private final ListableBeanFactory beanFactory;

	/**
	 * Create a keeper.
	 * @param runtime where the password is kept
	 * @param beanFactory the bean factory of the context
	 */
	public GeneratedPasswordKeeper(RefreshRuntime runtime, ListableBeanFactory beanFactory) {
		Assert.notNull(runtime, "'runtime' must not be null");
		Assert.notNull(beanFactory, "'beanFactory' must not be null");
		this.runtime = runtime;
		this.beanFactory = beanFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		// Only when Spring Boot's default user is in use: then it logged the password.
		if (!defines(UserDetailsServiceAutoConfiguration.class)
				&& !defines(ReactiveUserDetailsServiceAutoConfiguration.class)) {
			return;
		}
		SecurityProperties properties = this.beanFactory.getBeanProvider(SecurityProperties.class).getIfAvailable();
		if (properties != null && properties.getUser().isPasswordGenerated()) {
			this.runtime.keepProperty(PASSWORD, properties.getUser().getPassword());
		}
	}

	private boolean defines(Class<?> type) {
		return this.beanFactory.getBeanNamesForType(type, false, false).length > 0;
	}

}
