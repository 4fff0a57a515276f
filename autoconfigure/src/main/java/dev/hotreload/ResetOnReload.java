package dev.hotreload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of a {@link HotReloadable} bean that takes the new instance's value on a
 * reload instead of the old instance's, for example a field whose initializer was just
 * changed.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ResetOnReload {

}
