/**
 * The stable proxies of reloadable beans, the gate that admits their calls, and their
 * generations.
 */
@NullMarked
package dev.hotreload.proxy;

import org.jspecify.annotations.NullMarked;
