/**
 * HTTP sessions of an embedded Tomcat across full refreshes: each session is stored on
 * its own, so that one whose attributes no longer fit the new classes is dropped alone.
 */
@NullMarked
package dev.hotreload.refresh.tomcat;

import org.jspecify.annotations.NullMarked;
