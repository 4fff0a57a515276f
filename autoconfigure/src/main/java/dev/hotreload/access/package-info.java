/**
 * Who may call what hot reload serves over HTTP: loopback clients only, unless the
 * application opts in to others.
 */
@NullMarked
package dev.hotreload.access;

import org.jspecify.annotations.NullMarked;
