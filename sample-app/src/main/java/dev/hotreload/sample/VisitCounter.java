package dev.hotreload.sample;

import dev.hotreload.HotReloadable;

import org.springframework.stereotype.Component;

/**
 * Counts the visits to {@code /hello} and greets each visitor. A class-based reloadable
 * bean: edit the greeting, recompile, and the count goes on.
 */
@Component
@HotReloadable
public class VisitCounter {

	private long visits;

	public synchronized Visit visit() {
		this.visits++;
		return new Visit(this.visits, "Hello, visitor #" + this.visits);
	}

}
