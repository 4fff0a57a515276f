package dev.hotreload.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.util.Assert;

/**
 * Times changes that need hotreload's full refresh, from the move of the class file to
 * the first answer of its new mapping, in a sample application running with the
 * {@code dev} profile and its refresher, and how long the port refused connections
 * meanwhile. After each change the application's log must show that exactly one more
 * refresh ran and that the new run watches again, so that what is timed is a refresh and
 * the next change finds the watcher ready.
 */
final class FullRefreshes {

	/**
	 * Logged once, at the first start, when the refresher runs the application.
	 */
	static final String REFRESHER_ON = "Hot reload runs the application on a refreshable class loader";

	/**
	 * Logged when a batch of changed class files goes to a refresh.
	 */
	static final String REFRESH_NEEDED = "Changed classes need a full refresh: ";

	/**
	 * Logged at the end of each refresh.
	 */
	static final String REFRESHED = "Refreshed the application in";

	/**
	 * Logged by each run once its watcher is up.
	 */
	static final String WATCHING = "Hot reload is watching";

	private static final String FAILED = "Refresh failed";

	private final SampleApp app;

	private final RefreshVersions versions;

	private final List<Double> portDown = new ArrayList<>();

	private int version;

	FullRefreshes(SampleApp app, RefreshVersions versions) {
		this.app = app;
		this.versions = versions;
	}

	/**
	 * Return the longest time the port refused connections during each measured change,
	 * in the order measured.
	 * @return the milliseconds
	 */
	Samples portDown() {
		return new Samples(List.copyOf(this.portDown));
	}

	/**
	 * Make a number of changes, each time waiting for the new answer and for the end of
	 * the refresh.
	 * @param changes how many changes
	 * @param timeout how long one change may take
	 * @param pause how long to wait after a refresh before the next change
	 * @return the milliseconds from each change to the new answer
	 * @throws IOException if a class file cannot be written
	 */
	Samples measure(int changes, Duration timeout, Duration pause) throws IOException {
		this.portDown.clear();
		try (PortProbe probe = PortProbe.start(this.app.port())) {
			return Samples.take(changes, pause, () -> {
				probe.reset();
				double millis = change(timeout);
				this.portDown.add(probe.longestRefusalMillis());
				return millis;
			});
		}
	}

	/**
	 * Return how many refreshes the application's log shows so far.
	 * @return the number of {@value #REFRESHED} lines
	 */
	int refreshesLogged() {
		return this.app.logCount(REFRESHED);
	}

	private double change(Duration timeout) throws IOException {
		this.version++;
		long start = this.versions.install(this.version);
		this.app.awaitBody(RefreshVersions.path(this.version), RefreshVersions.body(this.version)::equals, timeout);
		double millis = (System.nanoTime() - start) / (double) TimeUnit.MILLISECONDS.toNanos(1);
		// The new web server answers before the context is ready, which ends the refresh.
		this.app.awaitLogCount(REFRESHED, this.version, timeout);
		this.app.awaitLogCount(WATCHING, this.version + 1, timeout);
		Assert.state(this.app.logCount(FAILED) == 0, () -> "A refresh failed:\n" + this.app.tail());
		int needed = this.app.logCount(REFRESH_NEEDED);
		int refreshed = refreshesLogged();
		Assert.state(needed == this.version && refreshed == this.version,
				() -> "Change " + this.version + " should be the application's refresh " + this.version
						+ ", but the log shows " + needed + " batch(es) that needed one and " + refreshed
						+ " refresh(es):\n" + this.app.tail());
		return millis;
	}

}
