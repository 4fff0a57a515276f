package dev.hotreload.proxy;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.ReflectionUtils;

/**
 * One generation of a reloadable bean: the instance that does the work, the number of
 * calls running on it, and the methods of its class that serve each proxied method,
 * looked up once per generation.
 */
public final class Generation {

	private static final int RECENT_SLOTS = 16;

	private final int number;

	private final Object instance;

	private final InFlightCount inFlight = new InFlightCount();

	private final Map<Method, MethodInvoker> methods = new ConcurrentHashMap<>();

	// The invokers last used, by the identity of the proxy's method: a proxy passes the
	// same Method object on every call, and finding it here costs less than the map's
	// hashing and equality, in time and in machine code (see ReloadableTarget).
	private final @Nullable MethodInvoker[] recent = new MethodInvoker[RECENT_SLOTS];

	/**
	 * Create a generation.
	 * @param number the generation number, 1 for the instance the context created
	 * @param instance the instance of this generation's class
	 */
	public Generation(int number, Object instance) {
		Assert.isTrue(number > 0, "'number' must be positive");
		Assert.notNull(instance, "'instance' must not be null");
		this.number = number;
		this.instance = instance;
	}

	/**
	 * Return the generation number.
	 * @return the number, 1 for the first generation
	 */
	public int number() {
		return this.number;
	}

	/**
	 * Return the instance of this generation.
	 * @return the instance
	 */
	public Object instance() {
		return this.instance;
	}

	/**
	 * Return the number of calls running on this generation.
	 * @return the in-flight calls
	 */
	public int inFlight() {
		return this.inFlight.sum();
	}

	InFlightCount inFlightCount() {
		return this.inFlight;
	}

	/**
	 * Return the invoker of the method that serves a proxied method in this generation.
	 * @param beanName the bean's name, for error messages
	 * @param method the method that the caller invoked on the proxy
	 * @return the invoker
	 */
	MethodInvoker invoker(String beanName, Method method) {
		int slot = System.identityHashCode(method) & (RECENT_SLOTS - 1);
		MethodInvoker invoker = this.recent[slot];
		if (invoker != null && invoker.serves(method)) {
			return invoker;
		}
		return lookUp(beanName, method, slot);
	}

	private MethodInvoker lookUp(String beanName, Method method, int slot) {
		MethodInvoker invoker = this.methods.get(method);
		if (invoker == null) {
			invoker = resolve(beanName, method);
		}
		if (invoker.serves(method)) {
			// A plain write: the invoker's fields are final, so any thread that reads it
			// sees it whole.
			this.recent[slot] = invoker;
		}
		return invoker;
	}

	private MethodInvoker resolve(String beanName, Method method) {
		Class<?> type = this.instance.getClass();
		Method target = ReflectionUtils.findMethod(type, method.getName(), method.getParameterTypes());
		if (target == null) {
			throw new MissingMethodException(beanName, this.number, type, describe(method));
		}
		ReflectionUtils.makeAccessible(target);
		MethodInvoker invoker = new MethodInvoker(method, target, this, beanName);
		MethodInvoker raced = this.methods.putIfAbsent(method, invoker);
		return (raced != null) ? raced : invoker;
	}

	IllegalAccessError explain(String beanName, IllegalAccessError ex) {
		if (this.number > 1) {
			IllegalAccessError explained = new IllegalAccessError("Generation " + this.number + " of bean '" + beanName
					+ "' cannot reach a package-private member: " + PackageAccess.explain(ex));
			explained.initCause(ex);
			return explained;
		}
		return ex;
	}

	private static String describe(Method method) {
		return method.getName() + Arrays.stream(method.getParameterTypes())
			.map(Class::getTypeName)
			.collect(Collectors.joining(", ", "(", ")"));
	}

}
