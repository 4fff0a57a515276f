/**
 * Configuration changes: a changed {@code application*.properties} or
 * {@code application*.yml} updates the running environment, and the beans that read the
 * changed keys follow, hot where possible.
 */
@NullMarked
package dev.hotreload.config;

import org.jspecify.annotations.NullMarked;
