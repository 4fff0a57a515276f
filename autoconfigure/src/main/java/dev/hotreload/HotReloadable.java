package dev.hotreload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean whose class can be reloaded while the application runs. Put it on a
 * {@code @Component} class or on a {@code @Bean} method.
 * <p>
 * The bean is handed out as a stable proxy; when its class is recompiled, a new instance
 * of the new class takes over behind the proxy, with the state of the old one carried
 * over according to {@link #state()}.
 *
 * @see StatePolicy
 * @see AfterReload
 * @see ResetOnReload
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface HotReloadable {

	/**
	 * What happens to the bean's state when its class is reloaded.
	 * @return the state policy, {@link StatePolicy#KEEP} by default
	 */
	StatePolicy state() default StatePolicy.KEEP;

}
