/**
 * Carries the state of a replaced bean instance over to the instance of its next
 * generation.
 */
@NullMarked
package dev.hotreload.state;

import org.jspecify.annotations.NullMarked;
