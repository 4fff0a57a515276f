/**
 * The one rule that says whether hot reload is on.
 */
@NullMarked
package dev.hotreload.activation;

import org.jspecify.annotations.NullMarked;
