package dev.hotreload.compile;

import dev.hotreload.ReloadRecord;
import org.jspecify.annotations.Nullable;

/**
 * One error the compiler reported.
 *
 * @param source the source file of the batch the error is in, or {@code null} if it is in
 * no file of the batch (such as an invalid option or a generated source)
 * @param file the file's path relative to its source root, the path of a file outside the
 * source roots, or an empty string if the error concerns no file
 * @param line the line number, 1-based, or 0 if unknown
 * @param column the column number, 1-based, counting a tab as one character as editors
 * do, or 0 if unknown
 * @param message the compiler's message, possibly of several lines
 */
public record CompilationError(@Nullable SourceFile source, String file, long line, long column, String message) {

	/**
	 * Return the error as a diagnostic of a reload record.
	 * @return the diagnostic
	 */
	public ReloadRecord.Diagnostic toDiagnostic() {
		return new ReloadRecord.Diagnostic(this.file, this.line, this.column, this.message);
	}

	/**
	 * Return the error on one line, as {@code file:line:column: message}, with the first
	 * line of the message only.
	 * @return the one-line description
	 */
	public String toSingleLine() {
		return location(this.file) + this.message.lines().findFirst().orElse("");
	}

	/**
	 * Return the error as {@code path:line:column: message}, the form that IDEs and
	 * terminals turn into a link to the place.
	 * @param path how to show the file's path
	 * @return the description, with the whole message
	 */
	public String toLink(String path) {
		return location(path) + this.message;
	}

	private String location(String path) {
		if (path.isEmpty()) {
			return "";
		}
		if (this.line <= 0) {
			return path + ": ";
		}
		return path + ":" + this.line + ":" + this.column + ": ";
	}

}
