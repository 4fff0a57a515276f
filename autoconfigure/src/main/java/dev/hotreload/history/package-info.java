/**
 * The reload history and its listeners.
 */
@NullMarked
package dev.hotreload.history;

import org.jspecify.annotations.NullMarked;
