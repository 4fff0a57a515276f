/**
 * Full refresh: the application runs on a class loader for the project's class
 * directories, and a refresh closes its context and runs it again on a fresh one in the
 * same JVM, with the reload history, the state of {@code KEEP} beans and
 * {@code @SurvivesRefresh} instances carried across.
 */
@NullMarked
package dev.hotreload.refresh;

import org.jspecify.annotations.NullMarked;
