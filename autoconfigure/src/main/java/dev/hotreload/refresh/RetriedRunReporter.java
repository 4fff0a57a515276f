package dev.hotreload.refresh;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.core.Ordered;

/**
 * Keeps Spring Boot from reporting "APPLICATION FAILED TO START" for a run that the
 * {@link Refresher} launches again, since its web server's port was in use: the retry is
 * logged in one line instead, and a run that is not launched again is reported as usual.
 * Registered in {@code META-INF/spring.factories}.
 */
public final class RetriedRunReporter implements SpringBootExceptionReporter, Ordered {

	@Override
	public boolean reportException(Throwable failure) {
		return RefreshRuntime.current().restart() instanceof Refresher refresher && refresher.retries(failure);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
