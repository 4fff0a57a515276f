/**
 * Class files, class directories and the class loader of each generation of a reloadable
 * class.
 */
@NullMarked
package dev.hotreload.classloading;

import org.jspecify.annotations.NullMarked;
