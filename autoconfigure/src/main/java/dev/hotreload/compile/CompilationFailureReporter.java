package dev.hotreload.compile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hotreload.ReloadRecord.Failure;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.Assert;

/**
 * Reports a batch of sources that did not compile: it logs each error as
 * {@code path:line:column: message}, which IDEs and terminals turn into links, and adds a
 * {@code FAILED} record with a {@code CompilationError} to the reload history for each
 * file that has errors. The subject of a record is each reloadable bean of the file's
 * top-level class, or the class name when no reloadable bean has that class. Its
 * {@code classes} are the top-level classes of every file of the batch, since none of
 * them was loaded, and its diagnostics are the file's errors. An error that belongs to no
 * file of the batch (such as one in a generated source) is reported against every file of
 * the batch.
 */
public final class CompilationFailureReporter {

	/** The error type of a source change that did not compile. */
	public static final String ERROR_TYPE = "CompilationError";

	private static final Log logger = LogFactory.getLog(CompilationFailureReporter.class);

	private final CompilationTarget target;

	private final Path workingDirectory;

	/**
	 * Create a reporter.
	 * @param target what takes the failures
	 */
	public CompilationFailureReporter(CompilationTarget target) {
		Assert.notNull(target, "'target' must not be null");
		this.target = target;
		this.workingDirectory = Path.of("").toAbsolutePath();
	}

	/**
	 * Report a batch that did not compile.
	 * @param result the failed compilation
	 */
	public void report(CompilationResult result) {
		Assert.notNull(result, "'result' must not be null");
		Assert.isTrue(!result.succeeded(), "'result' must be a failed compilation");
		logger.warn(result.errors().size() + " compilation error(s) in " + result.sources().size()
				+ " changed source file(s); none of them is loaded and the previous code keeps serving:");
		result.errors().forEach((error) -> logger.warn(error.toLink(displayPath(error))));
		List<String> classes = result.sources().stream().map(SourceFile::className).distinct().sorted().toList();
		errorsByFile(result).forEach((file, errors) -> {
			Failure failure = new Failure(ERROR_TYPE, errors.get(0).toSingleLine(),
					errors.stream().map(CompilationError::toDiagnostic).toList());
			this.target.compilationFailed(file.className(), classes, failure);
		});
	}

	private static Map<SourceFile, List<CompilationError>> errorsByFile(CompilationResult result) {
		Map<SourceFile, List<CompilationError>> errorsByFile = new LinkedHashMap<>();
		for (CompilationError error : result.errors()) {
			if (error.source() != null) {
				errorsByFile.computeIfAbsent(error.source(), (file) -> new ArrayList<>()).add(error);
			}
		}
		for (CompilationError error : result.errors()) {
			if (error.source() == null) {
				result.sources()
					.forEach((file) -> errorsByFile.computeIfAbsent(file, (key) -> new ArrayList<>()).add(error));
			}
		}
		return errorsByFile;
	}

	// A path below the working directory is shown relative to it, as build tools do;
	// terminals resolve such links against the directory the application runs in.
	private String displayPath(CompilationError error) {
		SourceFile source = error.source();
		if (source == null) {
			return error.file();
		}
		Path path = source.path();
		if (path.startsWith(this.workingDirectory)) {
			return this.workingDirectory.relativize(path).toString();
		}
		return path.toString();
	}

}
