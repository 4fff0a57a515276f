package dev.hotreload.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.springframework.util.Assert;

/**
 * Measured values of one kind, in the order they were taken, with the order statistics
 * the report shows. Percentiles are nearest-rank: p50 of 10 values is the 5th smallest.
 *
 * @param values the values, in milliseconds unless said otherwise
 */
public record Samples(List<Double> values) {

	/**
	 * Create samples.
	 * @param values the values, not empty
	 */
	public Samples {
		Assert.notEmpty(values, "'values' must not be empty");
		values = List.copyOf(values);
	}

	/**
	 * Take a measurement a number of times, pausing after each.
	 * @param times how many measurements
	 * @param pause how long to wait after each one
	 * @param measurement takes one measurement
	 * @return the measured values
	 * @throws IOException if a measurement fails
	 */
	static Samples take(int times, Duration pause, Measurement measurement) throws IOException {
		List<Double> values = new ArrayList<>();
		for (int i = 0; i < times; i++) {
			values.add(measurement.take());
			LockSupport.parkNanos(pause.toNanos());
		}
		return new Samples(values);
	}

	/**
	 * Return a percentile.
	 * @param percent between 0 (exclusive) and 100
	 * @return the nearest-rank percentile
	 */
	public double percentile(double percent) {
		List<Double> sorted = new ArrayList<>(this.values);
		Collections.sort(sorted);
		int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
	}

	/**
	 * Return the median.
	 * @return p50
	 */
	public double p50() {
		return percentile(50);
	}

	/**
	 * Return the 95th percentile.
	 * @return p95
	 */
	public double p95() {
		return percentile(95);
	}

	/**
	 * Return the smallest value.
	 * @return the minimum
	 */
	public double min() {
		return Collections.min(this.values);
	}

	/**
	 * Return the largest value.
	 * @return the maximum
	 */
	public double max() {
		return Collections.max(this.values);
	}

	/**
	 * Return the number of values.
	 * @return the count
	 */
	public int count() {
		return this.values.size();
	}

	/**
	 * One measurement, such as the time from a change to the new answer.
	 */
	@FunctionalInterface
	interface Measurement {

		/**
		 * Take the measurement.
		 * @return the measured value
		 * @throws IOException if it fails
		 */
		double take() throws IOException;

	}

}
