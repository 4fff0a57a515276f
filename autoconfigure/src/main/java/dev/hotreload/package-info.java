/**
 * The public API of hot reload: the annotations that make beans reloadable, the
 * HotReloader, its records and events.
 */
@NullMarked
package dev.hotreload;

import org.jspecify.annotations.NullMarked;
