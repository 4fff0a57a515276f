/**
 * Hot reload next to Spring Boot DevTools: DevTools' restart is the full refresh, and
 * DevTools restarts only for the changes that hot reload cannot apply.
 */
@NullMarked
package dev.hotreload.refresh.devtools;

import org.jspecify.annotations.NullMarked;
