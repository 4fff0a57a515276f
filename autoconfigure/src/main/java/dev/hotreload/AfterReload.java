package dev.hotreload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a {@link HotReloadable} bean that runs on the new instance after its
 * state was carried over and before it serves any call. The method takes no parameter, or
 * one parameter of type {@code Object} that receives the previous instance (an instance
 * of the previous generation's class, so use reflection or a shared interface to read
 * it). An exception thrown here fails the reload and the old instance keeps serving.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AfterReload {

}
