package dev.hotreload.sample;

import dev.hotreload.HotReloadable;

import org.springframework.stereotype.Component;

/**
 * Logistic growth: fast while the population is small, slowing down as it nears the
 * capacity. An interface-based reloadable bean, injected as {@link GrowthModel}: change
 * the rate, recompile, and the colony grows the new way from where it is.
 */
@Component
@HotReloadable
public class LogisticGrowth implements GrowthModel {

	private static final int RATE_PERCENT = 10;

	private static final long CAPACITY = 10_000;

	@Override
	public long next(long population) {
		double room = 1 - (double) population / CAPACITY;
		return population + Math.round(population * RATE_PERCENT / 100.0 * room);
	}

	@Override
	public String describe() {
		return "logistic, " + RATE_PERCENT + "% per tick, capacity " + CAPACITY;
	}

}
