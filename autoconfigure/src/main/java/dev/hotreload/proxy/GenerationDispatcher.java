package dev.hotreload.proxy;

import java.lang.reflect.Method;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.util.Assert;

/**
 * The interceptor of a reloadable bean's proxy: instead of invoking the original class's
 * method, it dispatches the call to the method of the same name and parameter types on
 * the current generation, whose class may come from another class loader. The proxies
 * that {@link ReloadableProxies} creates reach the target without it, through
 * {@link DirectDispatcher} and {@link JdkDispatcher}; it also answers {@code equals} for
 * them.
 */
final class GenerationDispatcher implements MethodInterceptor {

	private final ReloadableTarget target;

	GenerationDispatcher(ReloadableTarget target) {
		Assert.notNull(target, "'target' must not be null");
		this.target = target;
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Method method = invocation.getMethod();
		Object[] args = invocation.getArguments();
		if (AopUtils.isEqualsMethod(method)) {
			Object proxy = (invocation instanceof ProxyMethodInvocation proxyInvocation) ? proxyInvocation.getProxy()
					: null;
			return equalsTarget(proxy, args[0]);
		}
		return this.target.invoke(method, args);
	}

	/**
	 * Compare the current target with another object, seeing through a reloadable proxy.
	 * @param proxy the proxy that received the call
	 * @param other the object to compare with
	 * @return whether they are equal
	 * @throws Throwable what the target's {@code equals} threw
	 */
	@Nullable Object equalsTarget(@Nullable Object proxy, @Nullable Object other) throws Throwable {
		if (other == proxy) {
			return true;
		}
		Object otherTarget = other;
		if (other instanceof Advised advised && advised.getTargetSource() instanceof ReloadableTarget reloadable) {
			otherTarget = reloadable.current().instance();
		}
		return this.target.invoke(ReloadableProxies.EQUALS, new Object[] { otherTarget });
	}

	ReloadableTarget target() {
		return this.target;
	}

}
