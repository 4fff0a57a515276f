package dev.hotreload.reload;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import dev.hotreload.ReloadRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.util.Assert;

/**
 * Runs reload attempts on worker threads within a time limit, one attempt at a time for
 * each bean, so that an attempt that does not end (a constructor or an
 * {@code @AfterReload} method that waits forever) is abandoned instead of blocking the
 * file watcher or the endpoint. Attempts on different beans never wait for each other.
 * <p>
 * A worker that does not end cannot be stopped; the result of an abandoned attempt is
 * dropped, and the attempt itself, told through its {@link ReloadAttempt}, never switches
 * the bean.
 */
final class ReloadWorkers {

	private final Duration timeout;

	private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

	private final ExecutorService workers = Executors
		.newCachedThreadPool(new CustomizableThreadFactory("hotreload-reload-worker-") {

			@Override
			public Thread newThread(Runnable runnable) {
				Thread thread = super.newThread(runnable);
				thread.setDaemon(true);
				// Not the creating thread's, which after a full refresh is that run's
				// class loader: an idle worker would keep it reachable.
				thread.setContextClassLoader(ReloadWorkers.class.getClassLoader());
				return thread;
			}

		});

	/**
	 * Create workers.
	 * @param timeout how long an attempt may take, waiting for another attempt on the
	 * same bean included
	 */
	ReloadWorkers(Duration timeout) {
		Assert.notNull(timeout, "'timeout' must not be null");
		Assert.isTrue(!timeout.isNegative() && !timeout.isZero(), "'timeout' must be positive");
		this.timeout = timeout;
	}

	Duration timeout() {
		return this.timeout;
	}

	/**
	 * Run an attempt on a worker, with the caller's context class loader, and wait for it
	 * within the time limit that started at {@code start}.
	 * @param bean the bean reloaded
	 * @param start the {@link System#nanoTime()} at which the attempt was asked for
	 * @param body the attempt, given its {@link ReloadAttempt}
	 * @param timedOut makes the record of an abandoned attempt, given where it was
	 * @return the attempt's record, or the timed out one
	 */
	@Nullable ReloadRecord run(ReloadableBean bean, long start, Function<ReloadAttempt, @Nullable ReloadRecord> body,
			Function<String, ReloadRecord> timedOut) {
		ReentrantLock lock = this.locks.computeIfAbsent(bean.name(), (name) -> new ReentrantLock());
		if (!tryLock(lock)) {
			return timedOut.apply("another reload of it was still running");
		}
		try {
			ReloadAttempt attempt = new ReloadAttempt(bean.target().gate());
			Future<@Nullable ReloadRecord> result = this.workers.submit(onWorker(attempt, body));
			long remaining = this.timeout.toNanos() - (System.nanoTime() - start);
			try {
				return result.get(Math.max(remaining, 0), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException | InterruptedException ex) {
				if (ex instanceof InterruptedException) {
					Thread.currentThread().interrupt();
				}
				String where = attempt.abandon();
				// Null when the attempt switched just before it could be abandoned.
				return (where != null) ? timedOut.apply("it was at " + where) : result.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reloading '" + bean.name() + "'", ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException("Reload of '" + bean.name() + "' failed", cause);
		}
		finally {
			lock.unlock();
		}
	}

	// The new generation is built with the class loader the caller builds with.
	private static Callable<@Nullable ReloadRecord> onWorker(ReloadAttempt attempt,
			Function<ReloadAttempt, @Nullable ReloadRecord> body) {
		ClassLoader contextClassLoader = Thread.currentThread().getContextClassLoader();
		return () -> {
			Thread worker = Thread.currentThread();
			attempt.runsOn(worker);
			ClassLoader workerClassLoader = worker.getContextClassLoader();
			worker.setContextClassLoader(contextClassLoader);
			try {
				return body.apply(attempt);
			}
			finally {
				worker.setContextClassLoader(workerClassLoader);
			}
		};
	}

	/**
	 * Let the workers end once their attempts are over; no attempt starts after this
	 * call. Idle workers end at once, so that a closed context leaves no thread behind.
	 */
	void shutdown() {
		this.workers.shutdown();
	}

	private boolean tryLock(ReentrantLock lock) {
		try {
			return lock.tryLock(this.timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
