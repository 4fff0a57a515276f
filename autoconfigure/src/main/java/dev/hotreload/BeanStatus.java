package dev.hotreload;

/**
 * What a reloadable bean looks like now.
 *
 * @param name the bean's name
 * @param type the name of the bean's original class
 * @param generation the generation serving calls, 1 before the first reload
 * @param policy what a reload does with the bean's state
 */
public record BeanStatus(String name, String type, int generation, StatePolicy policy) {

}
