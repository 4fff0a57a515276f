/**
 * The browser side of hot reload: every HTML page loads a small script that follows the
 * application's changes through a server-sent event stream, reloads the page once a
 * change applied, and shows a failed change's error over the page.
 */
@NullMarked
package dev.hotreload.browser;

import org.jspecify.annotations.NullMarked;
