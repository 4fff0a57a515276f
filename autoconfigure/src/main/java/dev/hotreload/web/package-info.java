/**
 * Spring MVC support: the request mappings, handler methods and binder methods of a
 * reloadable controller follow its reloaded class.
 */
@NullMarked
package dev.hotreload.web;

import org.jspecify.annotations.NullMarked;
