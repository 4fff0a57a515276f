package dev.hotreload.reload;

import dev.hotreload.StatePolicy;

/**
 * What a reloadable bean looks like now.
 *
 * @param name the bean's name
 * @param type the name of the bean's class
 * @param generation the generation serving calls, 1 before the first reload
 * @param state the bean's state policy
 */
public record BeanStatus(String name, String type, int generation, StatePolicy state) {

}
