package dev.hotreload.sample;

/**
 * The state of the colony, as {@code /colony} answers it.
 *
 * @param tick how many ticks have passed
 * @param population the population now
 * @param growth the growth model in use
 */
public record ColonyReport(long tick, long population, String growth) {

}
