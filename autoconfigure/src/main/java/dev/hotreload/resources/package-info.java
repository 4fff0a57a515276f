/**
 * Templates, static files and messages in development: the caches that would hide an edit
 * are off, so that a file copied into the class directory is served at the next request.
 */
@NullMarked
package dev.hotreload.resources;

import org.jspecify.annotations.NullMarked;
