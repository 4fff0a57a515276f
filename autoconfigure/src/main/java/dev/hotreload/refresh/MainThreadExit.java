package dev.hotreload.refresh;

import java.lang.Thread.UncaughtExceptionHandler;

import org.jspecify.annotations.Nullable;

/**
 * Ends the JVM's main thread once the application runs on a {@link Refresher}: the
 * {@code SpringApplication.run} of the original main thread must not go on, so it is left
 * with an exception that the thread's handler swallows. When no other thread keeps the
 * JVM up, the JVM exits with the status a plain run would have had.
 */
final class MainThreadExit {

	private MainThreadExit() {
	}

	/**
	 * End the current thread.
	 * @param error what the application's first run threw, or {@code null} if it started
	 * @return never returns normally
	 */
	static RuntimeException exit(@Nullable Throwable error) {
		Thread thread = Thread.currentThread();
		thread.setUncaughtExceptionHandler(new Handler(thread.getUncaughtExceptionHandler(), error != null));
		throw new Relaunched();
	}

	private static final class Handler implements UncaughtExceptionHandler {

		private final @Nullable UncaughtExceptionHandler delegate;

		private final boolean failed;

		Handler(@Nullable UncaughtExceptionHandler delegate, boolean failed) {
			this.delegate = delegate;
			this.failed = failed;
		}

		@Override
		public void uncaughtException(Thread thread, Throwable ex) {
			if (ex instanceof Relaunched) {
				if (this.failed || !otherThreadKeepsJvmUp(thread)) {
					System.exit(this.failed ? 1 : 0);
				}
				return;
			}
			if (this.delegate != null) {
				this.delegate.uncaughtException(thread, ex);
			}
		}

		private static boolean otherThreadKeepsJvmUp(Thread current) {
			return Thread.getAllStackTraces()
				.keySet()
				.stream()
				.anyMatch((thread) -> thread != current && thread.isAlive() && !thread.isDaemon()
						&& !"DestroyJavaVM".equals(thread.getName()));
		}

	}

	/**
	 * Thrown to leave the original main thread; never seen outside it.
	 */
	private static final class Relaunched extends RuntimeException {

		Relaunched() {
			super("The application runs on hot reload's refresher", null, false, false);
		}

	}

}
