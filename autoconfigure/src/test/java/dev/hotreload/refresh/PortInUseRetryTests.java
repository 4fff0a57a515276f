package dev.hotreload.refresh;

import java.net.BindException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.PortInUseException;
import org.springframework.context.ApplicationContextException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unit tests of {@link PortInUseRetry}: which failures are tried again, with what
 * backoff, and what is recorded once the timeout is over.
 */
class PortInUseRetryTests {

	// As a web server's start fails in a context's refresh.
	private static final Throwable PORT_IN_USE = new ApplicationContextException("Failed to start bean 'webServer'",
			new PortInUseException(8080, new BindException("Address already in use")));

	@Test
	void findsThePortOfAPortInUseExceptionAnywhereInTheCauses() {
		assertThat(PortInUseRetry.portInUse(PORT_IN_USE)).isEqualTo(8080);
		assertThat(PortInUseRetry.portInUse(new PortInUseException(9090))).isEqualTo(9090);
		assertThat(PortInUseRetry.portInUse(new IllegalStateException("broken", new BindException("in use")))).isNull();
	}

	@Test
	void triesAgainWithABackoffThatDoublesAndNotesTheAttempts() {
		PortInUseRetry retry = new PortInUseRetry();
		assertThat(retry.notes()).isEmpty();
		for (long millis : new long[] { 100, 200, 400, 800, 1600, 1600 }) {
			assertThat(retry.failed(PORT_IN_USE, Duration.ofMinutes(1))).isNull();
			assertThat(retry.retries(PORT_IN_USE)).isTrue();
			assertThat(retry.takeDelay()).isEqualTo(Duration.ofMillis(millis));
			assertThat(retry.retries(PORT_IN_USE)).isFalse();
			assertThat(retry.takeDelay()).as("taken once").isNull();
		}
		assertThat(retry.notes()).containsExactly("the port 8080 was in use, so it took 7 attempts");
	}

	@Test
	void otherFailuresAreRecordedAsTheyAre() {
		PortInUseRetry retry = new PortInUseRetry();
		IllegalStateException broken = new IllegalStateException("broken on purpose");
		assertThat(retry.failed(broken, Duration.ofMinutes(1))).isSameAs(broken);
		assertThat(retry.takeDelay()).isNull();
		assertThat(retry.notes()).isEmpty();
	}

	@Test
	void oncePastTheTimeoutTheFailureNamesThePortAndTheAttempts() {
		PortInUseRetry retry = new PortInUseRetry();
		assertThat(retry.failed(PORT_IN_USE, Duration.ofMillis(50))).isNull();
		assertThat(retry.takeDelay()).isEqualTo(Duration.ofMillis(50));
		Throwable failure = retry.failed(PORT_IN_USE, Duration.ofMillis(0));
		assertThat(failure).isInstanceOf(PortInUseRetry.PortStillInUseException.class)
			.hasMessageStartingWith("The port 8080 was still in use after 2 attempts in ")
			.hasMessageContaining("(hotreload.refresh.port-retry-timeout=0s)")
			.hasMessageEndingWith("stop what listens on it, then save a class file to refresh again");
		assertThat(failure.getSuppressed()).containsExactly(PORT_IN_USE);
		assertThat(retry.takeDelay()).isNull();
		assertThat(retry.retries(PORT_IN_USE)).isFalse();
	}

	@Test
	void zeroTimeoutTurnsTheRetriesOff() {
		Throwable failure = new PortInUseRetry().failed(PORT_IN_USE, Duration.ZERO);
		assertThat(failure).hasMessageStartingWith("The port 8080 was still in use after 1 attempt in ");
	}

}
