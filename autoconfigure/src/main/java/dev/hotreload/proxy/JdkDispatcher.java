package dev.hotreload.proxy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.TargetClassAware;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.AdvisedSupport;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.DecoratingProxy;
import org.springframework.util.Assert;

/**
 * The invocation handler of the JDK proxy of a reloadable bean, in place of Spring's
 * {@code JdkDynamicAopProxy}: that handler would look up the frozen chain, whose one
 * interceptor is the {@link GenerationDispatcher}, and build a method invocation for it
 * on every call; this calls the target directly, and answers the methods of
 * {@code Advised} and {@code DecoratingProxy} from the proxy's configuration as Spring's
 * handler does.
 */
final class JdkDispatcher implements InvocationHandler {

	private static final Object[] NO_ARGUMENTS = {};

	private final AdvisedSupport config;

	private final GenerationDispatcher dispatcher;

	JdkDispatcher(AdvisedSupport config, GenerationDispatcher dispatcher) {
		Assert.notNull(config, "'config' must not be null");
		Assert.notNull(dispatcher, "'dispatcher' must not be null");
		this.config = config;
		this.dispatcher = dispatcher;
	}

	@Override
	public @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args) throws Throwable {
		Object[] arguments = (args != null) ? args : NO_ARGUMENTS;
		Class<?> declaringClass = method.getDeclaringClass();
		if (declaringClass == Object.class || declaringClass == Advised.class
				|| declaringClass == TargetClassAware.class || declaringClass == DecoratingProxy.class) {
			return invokeOwn(proxy, method, arguments);
		}
		return this.dispatcher.target().invoke(proxy, method, arguments);
	}

	// Apart from the bean's own methods, so that their path stays short (see
	// ReloadableTarget). A JDK proxy passes Object's equals, hashCode and toString
	// methods even where an interface declares them again.
	private @Nullable Object invokeOwn(Object proxy, Method method, Object[] arguments) throws Throwable {
		if (method.getDeclaringClass() == DecoratingProxy.class) {
			return AopProxyUtils.ultimateTargetClass(this.config);
		}
		if (method.getDeclaringClass() != Object.class) {
			return AopUtils.invokeJoinpointUsingReflection(this.config, method, arguments);
		}
		if (AopUtils.isEqualsMethod(method)) {
			return this.dispatcher.equalsTarget(proxy, arguments[0]);
		}
		return this.dispatcher.target().invoke(proxy, method, arguments);
	}

}
