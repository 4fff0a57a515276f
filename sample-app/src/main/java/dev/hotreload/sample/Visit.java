package dev.hotreload.sample;

/**
 * One visit, as {@code /hello} answers it.
 *
 * @param number how many visits there were, this one included
 * @param message the greeting
 */
public record Visit(long number, String message) {

}
