/**
 * Checks, before a new generation takes over, that every class and member it uses exists
 * in the running application, and that its proxy's methods remain.
 */
@NullMarked
package dev.hotreload.linkage;

import org.jspecify.annotations.NullMarked;
