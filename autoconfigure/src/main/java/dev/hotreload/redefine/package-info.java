/**
 * Redefines changed classes in place through {@code java.lang.instrument}, when their
 * shape is unchanged: obtaining the instrumentation, comparing shapes, redefining.
 */
@NullMarked
package dev.hotreload.redefine;

import org.jspecify.annotations.NullMarked;
