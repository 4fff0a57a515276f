package dev.hotreload.sample;

/**
 * How a population grows from one tick to the next.
 */
public interface GrowthModel {

	/**
	 * Compute the population after one tick.
	 * @param population the population now
	 * @return the population one tick later
	 */
	long next(long population);

	/**
	 * Describe the model in a few words.
	 * @return the description
	 */
	String describe();

}
