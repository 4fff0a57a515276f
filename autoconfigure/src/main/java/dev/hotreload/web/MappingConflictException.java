package dev.hotreload.web;

/**
 * Thrown when the new class of a controller declares a mapping that Spring MVC cannot
 * register, such as one that another controller already has. Its message is Spring MVC's
 * own, on one line, so that the reload history shows it whole.
 */
public final class MappingConflictException extends IllegalStateException {

	private MappingConflictException(String message) {
		super(message);
	}

	static MappingConflictException of(String beanName, IllegalStateException ex) {
		String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getName();
		MappingConflictException conflict = new MappingConflictException("Request mappings of '" + beanName
				+ "' not changed: " + message.strip().replaceAll("\\s*\\R\\s*", " "));
		// Not the cause: the history reports the most specific cause, whose message spans
		// several lines.
		conflict.addSuppressed(ex);
		return conflict;
	}

}
