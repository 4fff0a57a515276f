package dev.hotreload.proxy;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.TargetSource;
import org.springframework.util.Assert;

/**
 * The seam between the proxy that callers hold and the generation that currently does the
 * work. It counts the calls running on each generation and replaces the current
 * generation so that no update is lost:
 * <ul>
 * <li>with {@link #replace(Generation, Duration, Handover) replace}, new calls are held
 * while the calls in flight finish, the state is handed over and the new generation takes
 * over; then the held calls go on, on the new generation;</li>
 * <li>a call made by a thread that is already inside the bean (a self-call through the
 * proxy, or A to B to A) is never held, so a reload cannot deadlock with it.</li>
 * </ul>
 * When no reload is under way a call costs a thread-local read, a volatile read and an
 * atomic increment and decrement.
 */
public final class ReloadableTarget implements TargetSource {

	private static final long PARK_NANOS = 20_000;

	private final String beanName;

	private final Class<?> targetClass;

	private volatile Generation current;

	private volatile @Nullable CountDownLatch hold;

	private volatile @Nullable Thread holder;

	private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

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
	 * Tell whether a reload is holding new calls right now, while the calls in flight
	 * finish and the state is handed over.
	 * @return whether new calls wait
	 */
	public boolean isHoldingCalls() {
		return this.hold != null;
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
	 * Invoke a method of the proxied class on the current generation.
	 * @param method the method the caller invoked
	 * @param args the arguments
	 * @return the result
	 * @throws Throwable what the method threw
	 */
	public @Nullable Object invoke(Method method, Object[] args) throws Throwable {
		int[] depth = this.depth.get();
		if (depth[0] > 0) {
			depth[0]++;
			try {
				return this.current.invoke(this.beanName, method, args);
			}
			finally {
				depth[0]--;
			}
		}
		Generation generation = enter();
		depth[0] = 1;
		try {
			return generation.invoke(this.beanName, method, args);
		}
		finally {
			depth[0] = 0;
			generation.inFlightCounter().decrementAndGet();
		}
	}

	private Generation enter() {
		while (true) {
			Generation generation = this.current;
			generation.inFlightCounter().incrementAndGet();
			// Read the hold after counting the call, while the reloader sets the hold
			// before
			// reading the count: one of the two always sees the other.
			CountDownLatch hold = this.hold;
			if (hold == null && generation == this.current) {
				return generation;
			}
			// The reloading thread itself, calling the bean from an @AfterReload method,
			// reaches the generation being replaced instead of waiting for itself.
			if (hold != null && this.holder == Thread.currentThread()) {
				return generation;
			}
			generation.inFlightCounter().decrementAndGet();
			if (hold != null) {
				awaitUninterruptibly(hold);
			}
		}
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
		CountDownLatch hold = new CountDownLatch(1);
		this.holder = Thread.currentThread();
		this.hold = hold;
		try {
			Generation previous = this.current;
			int stillRunning = drain(previous, drainTimeout, ownCalls());
			handover.handOver(previous, next);
			this.current = next;
			return stillRunning;
		}
		finally {
			this.hold = null;
			this.holder = null;
			hold.countDown();
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
		int own = ownCalls();
		Generation previous = this.current;
		this.current = next;
		return drain(previous, drainTimeout, own);
	}

	// A reload started from inside the bean must not wait for its own call.
	private int ownCalls() {
		return (this.depth.get()[0] > 0) ? 1 : 0;
	}

	private int drain(Generation generation, Duration timeout, int own) {
		long deadline = System.nanoTime() + timeout.toNanos();
		int running;
		while ((running = generation.inFlight() - own) > 0 && System.nanoTime() < deadline) {
			LockSupport.parkNanos(PARK_NANOS);
		}
		return Math.max(running, 0);
	}

	private static void awaitUninterruptibly(CountDownLatch latch) {
		boolean interrupted = false;
		while (true) {
			try {
				latch.await();
				break;
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * What happens between the old and the new generation while new calls are held.
	 */
	@FunctionalInterface
	public interface Handover {

		/**
		 * Prepare the new generation from the old one.
		 * @param previous the generation being replaced, with no call in flight unless
		 * the drain timed out
		 * @param next the generation taking over
		 * @throws Exception to keep the previous generation
		 */
		void handOver(Generation previous, Generation next) throws Exception;

	}

}
