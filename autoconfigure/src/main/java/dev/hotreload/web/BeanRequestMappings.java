package dev.hotreload.web;

import java.util.List;

/**
 * The live request mappings of reloadable beans, for the endpoint. It names no type of
 * Spring MVC, so that it can be used where Spring MVC is absent.
 */
@FunctionalInterface
public interface BeanRequestMappings {

	/** No bean has request mappings, as in an application without Spring MVC. */
	BeanRequestMappings NONE = (beanName) -> List.of();

	/**
	 * Return the live request mappings of a bean.
	 * @param beanName the bean's name
	 * @return the mappings, such as {@code GET /visits}, sorted; empty if the bean is no
	 * controller
	 */
	List<String> mappingsOf(String beanName);

}
