package dev.hotreload.proxy;

import java.lang.reflect.Method;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.AopInvocationException;
import org.springframework.aop.TargetSource;
import org.springframework.util.Assert;

/**
 * The seam between the proxy that callers hold and the generation that currently does the
 * work, in the manner of Spring's {@code HotSwappableTargetSource}, with a
 * {@link CallGate} so that replacing the generation loses no update.
 * <p>
 * {@link #getTargetClass()} is the bean's original class, which the proxy extends or
 * implements; {@link #getTarget()} is the current generation's instance, which after a
 * reload is of a new class of the same name, not of the original class. Code that casts
 * the target to the bean's class (such as {@code AopTestUtils.getTargetObject}) works
 * only before the first reload: call the bean through the proxy instead.
 */
public final class ReloadableTarget implements TargetSource {

	private final String beanName;

	private final Class<?> targetClass;

	private final CallGate gate;

	private volatile Generation current;

	/**
	 * Create a target for a bean.
	 * @param beanName the bean's name
	 * @param targetClass the bean's original class, which the proxy extends or implements
	 * @param first the first generation
	 */
	public ReloadableTarget(String beanName, Class<?> targetClass, Generation first) {
		Assert.hasText(beanName, "'beanName' must not be empty");
		Assert.notNull(targetClass, "'targetClass' must not be null");
		Assert.notNull(first, "'first' must not be null");
		this.beanName = beanName;
		this.targetClass = targetClass;
		this.current = first;
		this.gate = new CallGate(this::current);
	}

	/**
	 * Return the bean's name.
	 * @return the bean name
	 */
	public String beanName() {
		return this.beanName;
	}

	/**
	 * Return the generation that serves new calls.
	 * @return the current generation
	 */
	public Generation current() {
		return this.current;
	}

	/**
	 * Return the gate that admits the calls to this bean.
	 * @return the gate
	 */
	public CallGate gate() {
		return this.gate;
	}

	@Override
	public Class<?> getTargetClass() {
		return this.targetClass;
	}

	@Override
	public boolean isStatic() {
		return false;
	}

	@Override
	public Object getTarget() {
		return this.current.instance();
	}

	/**
	 * Invoke a method of the proxied class on the current generation, through the gate.
	 * @param method the method the caller invoked
	 * @param args the arguments
	 * @return the result
	 * @throws Throwable what the method threw
	 */
	public @Nullable Object invoke(Method method, Object[] args) throws Throwable {
		CallGate.Caller caller = this.gate.caller();
		Generation generation = this.gate.enter(caller);
		try {
			return generation.invoker(this.beanName, method).invoke(args);
		}
		finally {
			this.gate.exit(caller, generation);
		}
	}

	/**
	 * Invoke a method of the proxied class on the current generation, through the gate,
	 * for a proxy that calls it without Spring's interceptor chain: like Spring's
	 * proxies, return the proxy where the generation returns itself, and refuse
	 * {@code null} for a primitive.
	 * @param proxy the proxy that received the call
	 * @param method the method the caller invoked
	 * @param args the arguments
	 * @return the result
	 * @throws Throwable what the method threw
	 */
	@Nullable Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
		CallGate.Caller caller = this.gate.caller();
		Generation generation = this.gate.enter(caller);
		Object result;
		try {
			result = generation.invoker(this.beanName, method).invoke(args);
		}
		finally {
			this.gate.exit(caller, generation);
		}
		if (result == null || result == generation.instance()) {
			return returnedNullOrItself(proxy, method, result);
		}
		return result;
	}

	// Kept out of the common path: the fewer bytes of machine code a call has, the
	// likelier the JIT inlines all of it into the proxy's method, and then removes the
	// argument array that the proxy allocates.
	private static @Nullable Object returnedNullOrItself(Object proxy, Method method, @Nullable Object result) {
		Class<?> returnType = method.getReturnType();
		if (result == null && returnType.isPrimitive() && returnType != void.class) {
			throw new AopInvocationException("Null return value does not match primitive return type for: " + method);
		}
		return (result != null && returnType.isInstance(proxy)) ? proxy : result;
	}

	/**
	 * Replace the current generation, carrying state over: hold new calls, wait up to
	 * {@code drainTimeout} for the calls in flight to finish, run the handover, switch,
	 * and let the held calls go on. If the handover throws, the current generation stays.
	 * @param next the new generation
	 * @param drainTimeout how long to wait for calls in flight
	 * @param handover what to do between the old and the new generation while calls are
	 * held
	 * @return the number of calls still running on the old generation when it was
	 * replaced
	 * @throws Exception what the handover threw
	 */
	public int replace(Generation next, Duration drainTimeout, Handover handover) throws Exception {
		Assert.notNull(next, "'next' must not be null");
		try (CallGate.Hold hold = this.gate.hold()) {
			Generation previous = this.current;
			int stillRunning = this.gate.drain(previous, drainTimeout);
			handover.handOver(previous, next, stillRunning);
			this.current = next;
			return stillRunning;
		}
	}

	/**
	 * Replace the current generation at once, without carrying state, then wait up to
	 * {@code drainTimeout} for the calls on the old generation to finish.
	 * @param next the new generation
	 * @param drainTimeout how long to wait for calls in flight
	 * @return the number of calls still running on the old generation after the wait
	 */
	public int replaceNow(Generation next, Duration drainTimeout) {
		Assert.notNull(next, "'next' must not be null");
		Generation previous = this.current;
		this.current = next;
		return this.gate.drain(previous, drainTimeout);
	}

	/**
	 * What happens between the old and the new generation while new calls are held.
	 */
	@FunctionalInterface
	public interface Handover {

		/**
		 * Prepare the new generation from the old one.
		 * @param previous the generation being replaced
		 * @param next the generation taking over
		 * @param stillRunning calls still running on the previous generation, non-zero
		 * only when they outlasted the drain timeout
		 * @throws Exception to keep the previous generation
		 */
		void handOver(Generation previous, Generation next, int stillRunning) throws Exception;

	}

}
