/**
 * Micrometer metrics of hot reload.
 */
@NullMarked
package dev.hotreload.metrics;

import org.jspecify.annotations.NullMarked;
