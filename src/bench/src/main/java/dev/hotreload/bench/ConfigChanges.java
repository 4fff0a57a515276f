package dev.hotreload.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.util.Assert;

/**
 * Times changes of {@code sample.greeting} in the sample's {@code application.properties}
 * to the first answer of {@code GET /greeting} with the new value, in a running sample
 * application: applied by whatever watches the file (hot reload, a DevTools restart), or
 * by Spring Cloud when {@code POST /actuator/refresh} follows each write, as a user of
 * {@code @RefreshScope} does.
 */
final class ConfigChanges {

	private static final String REFRESH = "/actuator/refresh";

	private final SampleApp app;

	private final GreetingConfigs configs;

	private final boolean refreshEndpoint;

	private final List<Double> refreshCalls = new ArrayList<>();

	private int version;

	private ConfigChanges(SampleApp app, GreetingConfigs configs, boolean refreshEndpoint) {
		this.app = app;
		this.configs = configs;
		this.refreshEndpoint = refreshEndpoint;
	}

	/**
	 * Changes that the application applies by itself once the file is written.
	 * @param app the application
	 * @param configs the versions of its configuration file
	 * @return the changes
	 */
	static ConfigChanges watched(SampleApp app, GreetingConfigs configs) {
		return new ConfigChanges(app, configs, false);
	}

	/**
	 * Changes each followed by {@code POST /actuator/refresh}, part of the measured time.
	 * @param app the application, with Spring Cloud's refresh endpoint exposed
	 * @param configs the versions of its configuration file
	 * @return the changes
	 */
	static ConfigChanges refreshedByEndpoint(SampleApp app, GreetingConfigs configs) {
		return new ConfigChanges(app, configs, true);
	}

	/**
	 * Change the file a number of times, each time waiting for the new answer.
	 * @param changes how many changes
	 * @param timeout how long one change may take
	 * @param pause how long to wait after an answer before the next change
	 * @return the milliseconds from each move of the file to the new answer
	 * @throws IOException if the file cannot be written
	 */
	Samples measure(int changes, Duration timeout, Duration pause) throws IOException {
		this.refreshCalls.clear();
		return Samples.take(changes, pause, () -> change(timeout));
	}

	/**
	 * Return how long each {@code POST /actuator/refresh} of the latest {@link #measure}
	 * took, from the request to the end of its answer.
	 * @return the milliseconds, empty if the changes call no endpoint
	 */
	List<Double> refreshCalls() {
		return List.copyOf(this.refreshCalls);
	}

	private double change(Duration timeout) throws IOException {
		this.version++;
		String greeting = GreetingConfigs.greeting(this.version);
		long start = this.configs.install(this.version);
		if (this.refreshEndpoint) {
			long called = System.nanoTime();
			String keys = this.app.post(REFRESH);
			this.refreshCalls.add(millisSince(called));
			// The endpoint answers the keys that changed: the write was seen.
			Assert.state(keys.contains("sample.greeting"),
					() -> REFRESH + " did not report sample.greeting as changed: " + keys);
		}
		this.app.awaitBody("/greeting", greeting::equals, timeout);
		return millisSince(start);
	}

	private static double millisSince(long start) {
		return (System.nanoTime() - start) / (double) TimeUnit.MILLISECONDS.toNanos(1);
	}

}
