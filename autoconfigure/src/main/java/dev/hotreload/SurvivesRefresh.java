package dev.hotreload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean whose very instance is kept across full refreshes and never destroyed by
 * them, such as a Testcontainers container, an embedded broker or a connection pool that
 * is slow to start. Put it on a {@code @Bean} method or on a {@code @Component} class.
 * <p>
 * Only a bean whose class comes from a library can survive as the same instance: a class
 * of the project's own class directories is defined anew by every refresh, so such a bean
 * is refused at startup with a message that says so. The instance is destroyed once, when
 * the application stops for good.
 * <p>
 * Without a full refresh (hot reload off, a packaged jar, a test) the bean is an ordinary
 * singleton.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SurvivesRefresh {

}
