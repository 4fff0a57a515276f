/**
 * Auto-configuration of hot reload: it only assembles the engine, the watchers and the
 * endpoint, and only when hot reload is on.
 */
@NullMarked
package dev.hotreload.autoconfigure;

import org.jspecify.annotations.NullMarked;
