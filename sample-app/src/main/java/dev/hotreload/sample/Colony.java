package dev.hotreload.sample;

import dev.hotreload.HotReloadable;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A colony whose population grows by its {@link GrowthModel} on every tick. A class-based
 * reloadable bean with a constructor-injected dependency: after a reload the new instance
 * gets the growth model from the context, and the tick and population from the old
 * instance.
 */
@Component
@HotReloadable
public class Colony {

	private final GrowthModel growthModel;

	private long tick;

	private long population = 100;

	public Colony(GrowthModel growthModel) {
		this.growthModel = growthModel;
	}

	@Scheduled(fixedRateString = "${sample.colony.tick-interval}",
			initialDelayString = "${sample.colony.tick-interval}")
	public synchronized void tick() {
		this.tick++;
		this.population = this.growthModel.next(this.population);
	}

	public synchronized ColonyReport report() {
		return new ColonyReport(this.tick, this.population, this.growthModel.describe());
	}

}
