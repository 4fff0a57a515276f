package dev.hotreload.proxy;

import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;

import org.springframework.cglib.proxy.MethodInterceptor;
import org.springframework.cglib.proxy.MethodProxy;
import org.springframework.util.Assert;

/**
 * Takes the place of Spring's AOP callback in the CGLIB proxy of a reloadable bean. That
 * callback would look up the frozen chain, whose one interceptor is the
 * {@link GenerationDispatcher}, and build a method invocation for it on every call; this
 * calls the target directly.
 */
final class DirectDispatcher implements MethodInterceptor {

	private final ReloadableTarget target;

	DirectDispatcher(ReloadableTarget target) {
		Assert.notNull(target, "'target' must not be null");
		this.target = target;
	}

	@Override
	public @Nullable Object intercept(Object proxy, Method method, Object[] args, MethodProxy methodProxy)
			throws Throwable {
		return this.target.invoke(proxy, method, args);
	}

}
