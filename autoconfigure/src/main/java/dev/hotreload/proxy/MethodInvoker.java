package dev.hotreload.proxy;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Calls one method of a generation's class through a method handle. Up to
 * {@value #SPREAD_ARITY} arguments are taken out of the argument array here rather than
 * by the handle, so that the array does not escape and the JIT can remove it from a call
 * that it inlines; reflection, whose accessor it cannot inline, leaves it allocated.
 */
final class MethodInvoker {

	static final int SPREAD_ARITY = 4;

	private final MethodHandle handle;

	private final int arity;

	MethodInvoker(Method method) {
		Assert.notNull(method, "'method' must not be null");
		MethodHandle direct;
		try {
			direct = MethodHandles.lookup().unreflect(method).asFixedArity();
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("Cannot call " + method, ex);
		}
		this.arity = method.getParameterCount();
		this.handle = (this.arity <= SPREAD_ARITY) ? direct.asType(MethodType.genericMethodType(this.arity + 1))
				: direct.asSpreader(Object[].class, this.arity)
					.asType(MethodType.methodType(Object.class, Object.class, Object[].class));
	}

	@Nullable Object invoke(Object instance, Object[] args) throws Throwable {
		return switch (this.arity) {
			case 0 -> (Object) this.handle.invokeExact(instance);
			case 1 -> (Object) this.handle.invokeExact(instance, args[0]);
			case 2 -> (Object) this.handle.invokeExact(instance, args[0], args[1]);
			case 3 -> (Object) this.handle.invokeExact(instance, args[0], args[1], args[2]);
			case 4 -> (Object) this.handle.invokeExact(instance, args[0], args[1], args[2], args[3]);
			default -> (Object) this.handle.invokeExact(instance, args);
		};
	}

}
