package dev.hotreload.proxy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.cglib.proxy.Factory;
import org.springframework.core.DecoratingProxy;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.ObjectUtils;

/**
 * Creates the stable proxies of reloadable beans with Spring's {@link ProxyFactory}: a
 * CGLIB subclass of the bean's class, so that the bean can be injected by class and by
 * interface, or a JDK proxy of its interfaces when the class is final. Either proxy sends
 * its calls straight to the {@link ReloadableTarget}, without Spring's interceptor chain
 * and the method invocation it builds per call, which would cost more than the reloadable
 * call itself.
 */
public final class ReloadableProxies {

	static final Method EQUALS = objectMethod("equals", Object.class);

	static final Method HASH_CODE = objectMethod("hashCode");

	// Callback slots of CglibAopProxy: the one that runs the advice chain, and those that
	// answer equals and hashCode for the proxy itself.
	private static final int CGLIB_AOP_SLOT = 0;

	private static final int CGLIB_EQUALS_SLOT = 5;

	private static final int CGLIB_HASH_CODE_SLOT = 6;

	private ReloadableProxies() {
	}

	private static Method objectMethod(String name, Class<?>... parameterTypes) {
		try {
			return Object.class.getMethod(name, parameterTypes);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Tell whether a class can be proxied.
	 * @param type the bean's class
	 * @return whether it is not final, or implements at least one interface
	 */
	public static boolean canProxy(Class<?> type) {
		return !Modifier.isFinal(type.getModifiers()) || ClassUtils.getAllInterfacesForClass(type).length > 0;
	}

	/**
	 * Create the proxy of a reloadable bean. The proxy is frozen, so that other
	 * post-processors (transactions, {@code @Async}, validation) wrap it in a proxy of
	 * their own instead of adding advice behind its dispatcher.
	 * @param target the bean's target
	 * @param classLoader the loader to define the proxy class in
	 * @return the proxy
	 */
	public static Object create(ReloadableTarget target, ClassLoader classLoader) {
		Assert.notNull(target, "'target' must not be null");
		Class<?> type = target.getTargetClass();
		ProxyFactory factory = new ProxyFactory();
		factory.setTargetSource(target);
		factory.setProxyTargetClass(!Modifier.isFinal(type.getModifiers()));
		if (!factory.isProxyTargetClass()) {
			factory.setInterfaces(ClassUtils.getAllInterfacesForClass(type, classLoader));
		}
		// The advisor shows in the proxy's configuration; the calls take shorter ways to
		// the target (see below).
		GenerationDispatcher dispatcher = new GenerationDispatcher(target);
		factory.addAdvisor(new DefaultPointcutAdvisor(dispatcher));
		factory.setFrozen(true);
		if (!factory.isProxyTargetClass()) {
			return Proxy.newProxyInstance(classLoader, jdkProxyInterfaces(factory),
					new JdkDispatcher(factory, dispatcher));
		}
		Object proxy = factory.getProxy(classLoader);
		if (proxy instanceof Factory cglibProxy) {
			routeCallsToTarget(cglibProxy, dispatcher);
		}
		return proxy;
	}

	// The interfaces of Spring's JDK proxy: the bean's, SpringProxy, Advised and
	// DecoratingProxy.
	private static Class<?>[] jdkProxyInterfaces(ProxyFactory factory) {
		Class<?>[] interfaces = AopProxyUtils.completeProxiedInterfaces(factory);
		return factory.isInterfaceProxied(DecoratingProxy.class) ? interfaces
				: ObjectUtils.addObjectToArray(interfaces, DecoratingProxy.class);
	}

	// CGLIB proxies answer equals and hashCode themselves: send them to the target
	// instead. And call the target directly rather than through Spring's chain.
	private static void routeCallsToTarget(Factory proxy, GenerationDispatcher dispatcher) {
		if (isCallback(proxy, CGLIB_AOP_SLOT, "DynamicAdvisedInterceptor")) {
			proxy.setCallback(CGLIB_AOP_SLOT, new DirectDispatcher(dispatcher.target()));
		}
		if (!isCallback(proxy, CGLIB_EQUALS_SLOT, "EqualsInterceptor")
				|| !isCallback(proxy, CGLIB_HASH_CODE_SLOT, "HashCodeInterceptor")) {
			return;
		}
		proxy.setCallback(CGLIB_EQUALS_SLOT, (org.springframework.cglib.proxy.MethodInterceptor) (self, method, args,
				methodProxy) -> dispatcher.equalsTarget(self, args[0]));
		proxy.setCallback(CGLIB_HASH_CODE_SLOT, (org.springframework.cglib.proxy.MethodInterceptor) (self, method, args,
				methodProxy) -> dispatcher.target().invoke(HASH_CODE, args));
	}

	private static boolean isCallback(Factory proxy, int slot, String simpleName) {
		Object callback = proxy.getCallback(slot);
		return callback != null && callback.getClass().getSimpleName().equals(simpleName);
	}

}
