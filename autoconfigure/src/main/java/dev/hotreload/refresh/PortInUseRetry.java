package dev.hotreload.refresh;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.Assert;
import org.springframework.util.ReflectionUtils;

/**
 * Decides, for one refresh, whether a run whose web server could not bind its port (the
 * previous server has not let it go yet, or another process took it) is launched again,
 * and when: 100 ms after the first such failure, then twice as long after each (at most
 * 1.6 s), until the retry timeout since the first failure is over.
 */
final class PortInUseRetry {

	/** The property that sets how long a refresh tries again while its port is in use. */
	static final String TIMEOUT_PROPERTY = "hotreload.refresh.port-retry-timeout";

	/** How long a refresh tries again while its port is in use, unless told otherwise. */
	static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	private static final Log logger = LogFactory.getLog(PortInUseRetry.class);

	// Spring Boot's, for every embedded server; hot reload does not depend on its module.
	private static final String PORT_IN_USE_EXCEPTION = "org.springframework.boot.web.server.PortInUseException";

	private static final Duration FIRST_DELAY = Duration.ofMillis(100);

	private static final Duration MAX_DELAY = Duration.ofMillis(1600);

	private int attempts = 1;

	private long firstFailure;

	private int port;

	private @Nullable Duration delay;

	private @Nullable Throwable retried;

	/**
	 * Take the failure of the current attempt.
	 * @param error why the run failed
	 * @param timeout how long to try again after the first failure for a port in use
	 * @return {@code null} if the run is launched again after {@link #takeDelay()},
	 * otherwise the failure to record: the error, or one that names the port and the
	 * attempts when the port was still in use at the end
	 */
	synchronized @Nullable Throwable failed(Throwable error, Duration timeout) {
		Assert.notNull(error, "'error' must not be null");
		Assert.notNull(timeout, "'timeout' must not be null");
		Integer port = portInUse(error);
		if (port == null) {
			return error;
		}
		long now = System.nanoTime();
		if (this.attempts == 1) {
			this.firstFailure = now;
		}
		this.port = port;
		long left = timeout.toNanos() - (now - this.firstFailure);
		if (left <= 0) {
			PortStillInUseException failure = new PortStillInUseException(String.format(Locale.ROOT,
					"The port %d was still in use after %d attempt%s in %.1f s (%s=%s): stop what listens on it, "
							+ "then save a class file to refresh again",
					port, this.attempts, (this.attempts == 1) ? "" : "s", (now - this.firstFailure) / 1e9,
					TIMEOUT_PROPERTY, print(timeout)));
			failure.addSuppressed(error);
			return failure;
		}
		long backoff = Math.min(FIRST_DELAY.toNanos() << Math.min(this.attempts - 1, 16), MAX_DELAY.toNanos());
		Duration delay = Duration.ofNanos(Math.min(backoff, left));
		this.delay = delay;
		this.retried = error;
		logger.info("The port " + port + " is still in use; trying again in " + delay.toMillis() + " ms (attempt "
				+ (this.attempts + 1) + ")");
		return null;
	}

	/**
	 * Return how long to wait before the next attempt, once, and count that attempt.
	 * @return the delay, or {@code null} if the last failure is not tried again
	 */
	synchronized @Nullable Duration takeDelay() {
		Duration delay = this.delay;
		if (delay != null) {
			this.delay = null;
			this.retried = null;
			this.attempts++;
		}
		return delay;
	}

	/**
	 * Tell whether a failure is that of the current attempt, which is launched again.
	 * @param error the failure
	 * @return whether the run is launched again after it
	 */
	synchronized boolean retries(Throwable error) {
		return this.delay != null && this.retried == error;
	}

	/**
	 * Return what the record of the refresh notes about its attempts.
	 * @return one note when it took more than one attempt, otherwise none
	 */
	synchronized List<String> notes() {
		if (this.attempts == 1) {
			return List.of();
		}
		return List.of("the port " + this.port + " was in use, so it took " + this.attempts + " attempts");
	}

	/**
	 * Return the port that a run could not bind, from Spring Boot's
	 * {@code PortInUseException} anywhere in the chain of causes.
	 * @param error why the run failed
	 * @return the port, or {@code null} if the failure is of another kind
	 */
	static @Nullable Integer portInUse(Throwable error) {
		Set<Throwable> seen = new HashSet<>();
		for (Throwable cause = error; cause != null && seen.add(cause); cause = cause.getCause()) {
			if (isPortInUseException(cause.getClass())) {
				Method getPort = ReflectionUtils.findMethod(cause.getClass(), "getPort");
				Object port = (getPort != null) ? ReflectionUtils.invokeMethod(getPort, cause) : null;
				return (port instanceof Integer number) ? number : null;
			}
		}
		return null;
	}

	private static String print(Duration duration) {
		ChronoUnit unit = (duration.toMillis() % 1000 == 0) ? ChronoUnit.SECONDS : ChronoUnit.MILLIS;
		return DurationStyle.SIMPLE.print(duration, unit);
	}

	private static boolean isPortInUseException(Class<?> type) {
		for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
			if (PORT_IN_USE_EXCEPTION.equals(candidate.getName())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The port of a refreshed run's web server was still in use when the retry timeout
	 * was over.
	 */
	static final class PortStillInUseException extends IllegalStateException {

		private static final long serialVersionUID = 1L;

		PortStillInUseException(String message) {
			super(message);
		}

	}

}
