package dev.hotreload.proxy;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Calls one method of a generation's instance through a method handle, for one method of
 * the proxy. Up to {@value #SPREAD_ARITY} arguments are taken out of the argument array
 * here rather than by the handle, so that the array does not escape and the JIT can
 * remove it from a call that it inlines; reflection, whose accessor it cannot inline,
 * leaves it allocated.
 */
final class MethodInvoker {

	static final int SPREAD_ARITY = 4;

	private final Method method;

	private final Generation generation;

	private final String beanName;

	private final MethodHandle handle;

	private final int arity;

	/**
	 * Create an invoker.
	 * @param method the proxy's method that it serves
	 * @param target the method of the generation's class
	 * @param generation the generation to call
	 * @param beanName the bean's name, for error messages
	 */
	MethodInvoker(Method method, Method target, Generation generation, String beanName) {
		Assert.notNull(method, "'method' must not be null");
		Assert.notNull(target, "'target' must not be null");
		Assert.notNull(generation, "'generation' must not be null");
		Assert.notNull(beanName, "'beanName' must not be null");
		this.method = method;
		this.generation = generation;
		this.beanName = beanName;
		MethodHandle direct;
		try {
			direct = MethodHandles.lookup().unreflect(target).asFixedArity();
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("Cannot call " + target, ex);
		}
		this.arity = target.getParameterCount();
		MethodHandle bound = direct.bindTo(generation.instance());
		this.handle = (this.arity <= SPREAD_ARITY) ? bound.asType(MethodType.genericMethodType(this.arity))
				: bound.asSpreader(Object[].class, this.arity)
					.asType(MethodType.methodType(Object.class, Object[].class));
	}

	boolean serves(Method method) {
		return this.method == method;
	}

	@Nullable Object invoke(Object[] args) throws Throwable {
		try {
			return switch (this.arity) {
				case 0 -> (Object) this.handle.invokeExact();
				case 1 -> (Object) this.handle.invokeExact(args[0]);
				case 2 -> (Object) this.handle.invokeExact(args[0], args[1]);
				case 3 -> (Object) this.handle.invokeExact(args[0], args[1], args[2]);
				case 4 -> (Object) this.handle.invokeExact(args[0], args[1], args[2], args[3]);
				default -> (Object) this.handle.invokeExact(args);
			};
		}
		catch (IllegalAccessError ex) {
			throw this.generation.explain(this.beanName, ex);
		}
	}

}
