/**
 * Source mode: compiles changed Java sources in the running application and writes the
 * class files into the class directories.
 */
@NullMarked
package dev.hotreload.compile;

import org.jspecify.annotations.NullMarked;
