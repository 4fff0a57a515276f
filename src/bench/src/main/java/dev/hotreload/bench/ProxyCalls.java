package dev.hotreload.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs {@link ProxyCallBenchmark} with JMH, one thread and two threads on one target,
 * with the GC profiler, and keeps per benchmark the median of the measured iterations,
 * their spread and the bytes allocated per call.
 */
final class ProxyCalls {

	static final int[] THREADS = { 1, 2 };

	private ProxyCalls() {
	}

	static List<Call> run(SuiteSettings settings) throws RunnerException {
		List<Call> calls = new ArrayList<>();
		for (int threads : THREADS) {
			Options options = new OptionsBuilder().include(ProxyCallBenchmark.class.getName() + "\\.")
				.threads(threads)
				.forks(settings.jmhForks())
				.warmupIterations(settings.jmhWarmupIterations())
				.warmupTime(TimeValue.milliseconds(settings.jmhIterationTime().toMillis()))
				.measurementIterations(settings.jmhMeasurementIterations())
				.measurementTime(TimeValue.milliseconds(settings.jmhIterationTime().toMillis()))
				.addProfiler("gc")
				.shouldFailOnError(true)
				.build();
			Collection<RunResult> results = new Runner(options).run();
			for (RunResult result : results) {
				String label = result.getParams().getBenchmark();
				String name = label.substring(label.lastIndexOf('.') + 1);
				Statistics statistics = result.getPrimaryResult().getStatistics();
				calls.add(new Call(name, threads, statistics.getPercentile(50), statistics.getMin(),
						statistics.getMax(), (int) statistics.getN(), allocatedBytes(result)));
			}
		}
		return calls;
	}

	private static double allocatedBytes(RunResult result) {
		for (Map.Entry<String, Result> entry : result.getSecondaryResults().entrySet()) {
			if (entry.getKey().endsWith("gc.alloc.rate.norm")) {
				return entry.getValue().getScore();
			}
		}
		return Double.NaN;
	}

	/**
	 * The cost of one call of one benchmark.
	 *
	 * @param benchmark the benchmark method's name
	 * @param threads the threads calling at once
	 * @param medianNanos the median of the measured iterations, ns per call
	 * @param minNanos the fastest iteration
	 * @param maxNanos the slowest iteration
	 * @param iterations the measured iterations
	 * @param bytesPerCall bytes allocated per call
	 */
	record Call(String benchmark, int threads, double medianNanos, double minNanos, double maxNanos, int iterations,
			double bytesPerCall) {

	}

}
