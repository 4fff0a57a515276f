package dev.hotreload.bench;

import java.time.Duration;

/**
 * How much each benchmark of the suite measures: the full suite, or the smoke mode that
 * CI runs so that no benchmark rots, in seconds rather than minutes.
 *
 * @param smoke whether this is the smoke mode
 * @param jmhWarmupIterations JMH warm-up iterations per benchmark
 * @param jmhMeasurementIterations JMH measured iterations per benchmark
 * @param jmhIterationTime length of one JMH iteration
 * @param jmhForks JMH forks per benchmark (0 runs in this JVM)
 * @param hotReloads class file changes timed with hot reload
 * @param devToolsRestarts class file changes timed with a DevTools restart
 * @param sourceModeStarts JVMs started per source mode variant, each timing its first
 * save
 * @param warmSaves warm saves timed in each of those JVMs
 * @param firstSaveDelay time from the first answer of the application to its first save
 * @param memoryReloads reloads of one bean before memory is measured
 * @param coldStarts JVMs started to time a cold start
 * @param refreshes changes timed with hotreload's full refresh, in one JVM, before its
 * memory is measured
 * @param configChanges configuration file changes timed with hot reload and with Spring
 * Cloud's {@code /actuator/refresh}
 * @param configRestarts configuration file changes timed with a DevTools restart
 */
record SuiteSettings(boolean smoke, int jmhWarmupIterations, int jmhMeasurementIterations, Duration jmhIterationTime,
		int jmhForks, int hotReloads, int devToolsRestarts, int sourceModeStarts, int warmSaves,
		Duration firstSaveDelay, int memoryReloads, int coldStarts, int refreshes, int configChanges,
		int configRestarts) {

	static SuiteSettings fullSuite() {
		return new SuiteSettings(false, 3, 8, Duration.ofSeconds(1), 1, 120, 15, 5, 10, Duration.ZERO, 1000, 5, 20, 30,
				10);
	}

	static SuiteSettings smokeMode() {
		return new SuiteSettings(true, 1, 2, Duration.ofMillis(100), 0, 3, 1, 1, 2, Duration.ZERO, 20, 1, 2, 2, 1);
	}

}
