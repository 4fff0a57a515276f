/**
 * The reload engine: the registry of reloadable beans, the dispatcher of changed classes,
 * the reloader and the switch of each state policy.
 */
@NullMarked
package dev.hotreload.reload;

import org.jspecify.annotations.NullMarked;
