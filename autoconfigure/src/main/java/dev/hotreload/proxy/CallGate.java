package dev.hotreload.proxy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Admits the calls to a reloadable bean and lets a reload hold them: while a hold is on,
 * new calls wait, so that the calls in flight can drain and the state can be handed over
 * without a concurrent update getting lost. Two kinds of call are never held, so that a
 * reload cannot deadlock with them:
 * <ul>
 * <li>a call made by a thread that is already inside the bean (a self-call through the
 * proxy, or A to B to A), which is not counted again either;</li>
 * <li>a call made by the thread that holds the gate, such as an {@code @AfterReload}
 * method calling its bean through the proxy.</li>
 * </ul>
 * When no hold is on, a call costs a thread-local read, a volatile read and an atomic
 * increment and decrement of a count striped by thread (see {@link InFlightCount}).
 */
public final class CallGate {

	private static final long PARK_NANOS = 20_000;

	private final Supplier<Generation> current;

	private volatile @Nullable CountDownLatch hold;

	private volatile @Nullable Thread holder;

	private final ThreadLocal<Caller> callers = ThreadLocal.withInitial(Caller::new);

	/**
	 * Create a gate.
	 * @param current tells which generation serves new calls
	 */
	public CallGate(Supplier<Generation> current) {
		Assert.notNull(current, "'current' must not be null");
		this.current = current;
	}

	/**
	 * Admit a call, waiting while a hold is on unless the call may not be held.
	 * @return the generation the call runs on, which counts it until {@link #exit}
	 */
	public Generation enter() {
		return enter(caller());
	}

	/**
	 * End a call admitted by {@link #enter()}.
	 * @param generation the generation that {@code enter} returned
	 */
	public void exit(Generation generation) {
		exit(caller(), generation);
	}

	/**
	 * Return the current thread's calls on this gate, to pass to {@link #enter(Caller)}
	 * and {@link #exit(Caller, Generation)}, which then need not look them up again.
	 * @return the current thread's caller
	 */
	Caller caller() {
		return this.callers.get();
	}

	Generation enter(Caller caller) {
		if (caller.depth > 0) {
			caller.depth++;
			return this.current.get();
		}
		Generation generation = admit();
		caller.depth = 1;
		return generation;
	}

	void exit(Caller caller, Generation generation) {
		if (--caller.depth == 0) {
			generation.inFlightCount().decrement();
		}
	}

	private Generation admit() {
		Generation generation = this.current.get();
		generation.inFlightCount().increment();
		// Read the hold after counting the call, while the holder sets the hold before
		// reading the count: one of the two always sees the other.
		if (this.hold == null && generation == this.current.get()) {
			return generation;
		}
		return admitAgain(generation);
	}

	// The rare path, apart so that the common one stays short (see ReloadableTarget).
	private Generation admitAgain(Generation counted) {
		Generation generation = counted;
		while (true) {
			CountDownLatch hold = this.hold;
			if (hold != null && this.holder == Thread.currentThread()) {
				return generation;
			}
			generation.inFlightCount().decrement();
			if (hold != null) {
				awaitUninterruptibly(hold);
			}
			generation = this.current.get();
			generation.inFlightCount().increment();
			if (this.hold == null && generation == this.current.get()) {
				return generation;
			}
		}
	}

	/**
	 * Hold new calls until the returned hold is released. The calling thread's own calls
	 * are not held.
	 * @return the hold, to release in a {@code finally} block or with try-with-resources
	 * @throws IllegalStateException if a hold is on already
	 */
	public Hold hold() {
		Assert.state(this.hold == null, "The gate is held already");
		CountDownLatch latch = new CountDownLatch(1);
		this.holder = Thread.currentThread();
		this.hold = latch;
		return new Hold(latch);
	}

	/**
	 * Release the hold that is on, if any, from any thread, such as when a reload that
	 * holds the gate is abandoned: the held calls go on, and releasing the hold later
	 * from its own side changes nothing.
	 */
	public void releaseHold() {
		CountDownLatch latch = this.hold;
		if (latch != null) {
			this.hold = null;
			this.holder = null;
			latch.countDown();
		}
	}

	/**
	 * Tell whether new calls wait right now.
	 * @return whether a hold is on
	 */
	public boolean isHolding() {
		return this.hold != null;
	}

	/**
	 * Wait until no call but the current thread's own runs on a generation, or until the
	 * timeout, or until the current thread is interrupted (which stays flagged).
	 * @param generation the generation to drain
	 * @param timeout how long to wait at the most
	 * @return the number of calls still running on it, other than the current thread's
	 */
	public int drain(Generation generation, Duration timeout) {
		int own = (caller().depth > 0) ? 1 : 0;
		long deadline = System.nanoTime() + timeout.toNanos();
		int running;
		while ((running = generation.inFlight() - own) > 0 && System.nanoTime() < deadline
				&& !Thread.currentThread().isInterrupted()) {
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
	 * How deep one thread is in calls on one bean: only its outermost call is counted and
	 * may be held.
	 */
	static final class Caller {

		private int depth;

	}

	/**
	 * A hold on the gate; releasing it lets the held calls go on.
	 */
	public final class Hold implements AutoCloseable {

		private final CountDownLatch latch;

		private Hold(CountDownLatch latch) {
			this.latch = latch;
		}

		/**
		 * Let the held calls go on, on whichever generation is current by then.
		 */
		public void release() {
			if (CallGate.this.hold == this.latch) {
				CallGate.this.hold = null;
				CallGate.this.holder = null;
			}
			this.latch.countDown();
		}

		@Override
		public void close() {
			release();
		}

	}

}
