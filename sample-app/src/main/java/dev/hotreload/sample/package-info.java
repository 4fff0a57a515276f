/**
 * A stateful demo application whose beans are reloaded while it runs.
 */
package dev.hotreload.sample;
