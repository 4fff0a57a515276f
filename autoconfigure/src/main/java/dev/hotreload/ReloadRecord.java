package dev.hotreload;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.core.NestedExceptionUtils;

/**
 * What happened in one attempt to reload one bean.
 *
 * @param id increasing number of the attempt
 * @param timestamp when the attempt started
 * @param bean the bean's name
 * @param trigger what started the attempt
 * @param classes names of the changed classes
 * @param outcome whether the new generation took over
 * @param generation the bean's generation after the attempt
 * @param durationMillis how long the attempt took, in milliseconds
 * @param state what happened to the bean's fields
 * @param error why the attempt failed, or {@code null}
 * @param inFlightCalls calls still running on the old generation when it was replaced
 * (non-zero only when they outlasted the drain timeout)
 */
public record ReloadRecord(long id, Instant timestamp, String bean, Trigger trigger, List<String> classes,
		Outcome outcome, int generation, double durationMillis, State state, @Nullable Error error, int inFlightCalls) {

	/**
	 * What started a reload.
	 */
	public enum Trigger {

		/** A class file changed on disk. */
		FILE_CHANGE,

		/** A request to the actuator endpoint. */
		ENDPOINT,

		/** A call of {@link HotReloader#reload(String)}. */
		API

	}

	/**
	 * Whether a reload succeeded.
	 */
	public enum Outcome {

		/** The new generation serves the calls. */
		RELOADED,

		/** The new generation could not be built; the previous one keeps serving. */
		FAILED

	}

	/**
	 * What a reload did with the bean's fields.
	 *
	 * @param kept fields whose values were carried over
	 * @param reset fields that took the new instance's value (new, changed type, or
	 * {@link ResetOnReload})
	 * @param dropped fields of the old class that the new class no longer has
	 */
	public record State(List<String> kept, List<String> reset, List<String> dropped) {

		/** No field was carried, reset or dropped. */
		public static final State NONE = new State(List.of(), List.of(), List.of());

	}

	/**
	 * Why a reload failed.
	 *
	 * @param type the simple name of the exception type, such as {@code ClassFormatError}
	 * @param message a one-line message
	 * @param diagnostics compiler diagnostics, empty unless the source failed to compile
	 */
	public record Error(String type, String message, List<Diagnostic> diagnostics) {

		/**
		 * Create an error from an exception, using its most specific cause, since the
		 * outer exceptions of a failed bean creation only say where it failed.
		 * @param ex the exception
		 * @return the error
		 */
		public static Error of(Throwable ex) {
			Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
			String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getName();
			return new Error(cause.getClass().getSimpleName(), message.lines().findFirst().orElse(""), List.of());
		}

	}

	/**
	 * One compiler diagnostic.
	 *
	 * @param file the source file, relative to its source root
	 * @param line the line number, 1-based
	 * @param column the column number, 1-based
	 * @param message the compiler's message
	 */
	public record Diagnostic(String file, long line, long column, String message) {

	}

}
