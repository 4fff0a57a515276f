/**
 * Configuration changes: a changed {@code application*.properties} or
 * {@code application*.yml} updates the running environment, and the beans that read the
 * changed keys follow, hot where possible; a changed file that Spring reads once, at
 * startup ({@code META-INF/spring/*}, {@code spring.factories}), refreshes.
 */
@NullMarked
package dev.hotreload.config;

import org.jspecify.annotations.NullMarked;
