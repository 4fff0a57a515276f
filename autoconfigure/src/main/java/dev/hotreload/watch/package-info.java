/**
 * Watches directories and reports each batch of changed files once the directory has been
 * quiet.
 */
@NullMarked
package dev.hotreload.watch;

import org.jspecify.annotations.NullMarked;
