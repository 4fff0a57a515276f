package dev.hotreload.reload;

import java.util.List;

/**
 * Thrown when a new generation uses what the running classes do not have, or lacks a
 * method its proxy exposes: it must not take over, and only a full refresh can apply the
 * change.
 */
final class IncompatibleGenerationException extends Exception {

	/** The failure type in records and log lines. */
	static final String TYPE = "IncompatibleChange";

	private final List<String> problems;

	IncompatibleGenerationException(List<String> problems) {
		super(String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	List<String> problems() {
		return this.problems;
	}

}
