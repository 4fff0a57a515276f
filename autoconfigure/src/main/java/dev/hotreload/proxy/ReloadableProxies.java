package dev.hotreload.proxy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.cglib.proxy.Factory;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * Creates the stable proxies of reloadable beans with Spring's {@link ProxyFactory}: a
 * CGLIB subclass of the bean's class, so that the bean can be injected by class and by
 * interface, or a JDK proxy of its interfaces when the class is final.
 */
public final class ReloadableProxies {

	static final Method EQUALS = objectMethod("equals", Object.class);

	static final Method HASH_CODE = objectMethod("hashCode");

	// Callback slots of CglibAopProxy that answer equals and hashCode for the proxy
	// itself.
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
			// JDK proxies send equals and hashCode through the advice only when an
			// interface declares them.
			factory.addInterface(TargetIdentity.class);
		}
		// A CGLIB proxy answers equals in a callback slot of its own (see below), so only
		// a
		// JDK proxy sends it through the dispatcher.
		GenerationDispatcher dispatcher = new GenerationDispatcher(target, !factory.isProxyTargetClass());
		factory.addAdvisor(new DefaultPointcutAdvisor(dispatcher));
		factory.setFrozen(true);
		Object proxy = factory.getProxy(classLoader);
		if (proxy instanceof Factory cglibProxy) {
			routeIdentityToTarget(cglibProxy, dispatcher);
		}
		return proxy;
	}

	// CGLIB proxies answer equals and hashCode themselves; send them to the target
	// instead.
	private static void routeIdentityToTarget(Factory proxy, GenerationDispatcher dispatcher) {
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

	/**
	 * Declares {@code equals} and {@code hashCode}, so that a JDK proxy lets them reach
	 * the current target.
	 */
	public interface TargetIdentity {

		@Override
		boolean equals(Object other);

		@Override
		int hashCode();

	}

}
