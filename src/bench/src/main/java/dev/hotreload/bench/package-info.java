/**
 * JMH benchmarks of calls through reloadable proxies.
 */
package dev.hotreload.bench;
