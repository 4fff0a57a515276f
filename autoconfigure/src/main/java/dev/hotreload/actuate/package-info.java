/**
 * The hotreload actuator endpoint.
 */
@NullMarked
package dev.hotreload.actuate;

import org.jspecify.annotations.NullMarked;
