package dev.hotreload.web;

import java.lang.reflect.Modifier;

import dev.hotreload.proxy.ReloadableTarget;
import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.util.Assert;

/**
 * The object that Spring MVC invokes the handler methods of one generation of a
 * reloadable controller on. Spring MVC calls a handler method reflectively on its bean,
 * so the bean must be an instance of the class that declares the method: a method that
 * only the new class has cannot be invoked on the bean's stable proxy, which extends the
 * original class. The handler is a CGLIB subclass of the generation's class, created
 * without calling a constructor, whose every method goes through the bean's
 * {@link ReloadableTarget}: the call is counted, held during a switch, and served by the
 * current generation's method of the same name and parameter types.
 */
final class GenerationHandler {

	private GenerationHandler() {
	}

	/**
	 * Tell whether a handler can be created for a class.
	 * @param generationClass the class of a generation
	 * @return whether the class can be subclassed
	 */
	static boolean canCreate(Class<?> generationClass) {
		return !Modifier.isFinal(generationClass.getModifiers());
	}

	/**
	 * Create the handler of one generation.
	 * @param target the bean's target, which counts, holds and dispatches calls
	 * @param generationClass the class of the generation whose handler methods are
	 * registered
	 * @return an instance of a subclass of {@code generationClass}
	 */
	static Object create(ReloadableTarget target, Class<?> generationClass) {
		Assert.notNull(target, "'target' must not be null");
		Assert.isTrue(canCreate(generationClass), () -> generationClass.getName() + " is final");
		ProxyFactory factory = new ProxyFactory();
		factory.setTargetClass(generationClass);
		factory.setProxyTargetClass(true);
		factory.setOpaque(true);
		factory.addAdvice(
				(MethodInterceptor) (invocation) -> target.invoke(invocation.getMethod(), invocation.getArguments()));
		factory.setFrozen(true);
		return factory.getProxy(generationClass.getClassLoader());
	}

}
