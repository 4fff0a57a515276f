package dev.hotreload.compile;

import java.util.List;

import org.springframework.util.Assert;

/**
 * The outcome of compiling one batch of source files: either the class files of the whole
 * batch, or the errors.
 *
 * @param sources the source files of the batch
 * @param classes the class files produced, empty if the batch failed
 * @param errors the errors, empty if the batch compiled
 * @param durationMillis how long the compilation took, in milliseconds
 */
public record CompilationResult(List<SourceFile> sources, List<CompiledClass> classes, List<CompilationError> errors,
		long durationMillis) {

	/**
	 * Create a result.
	 * @param sources the source files of the batch
	 * @param classes the class files produced, empty if the batch failed
	 * @param errors the errors, empty if the batch compiled
	 * @param durationMillis how long the compilation took, in milliseconds
	 */
	public CompilationResult {
		Assert.notNull(sources, "'sources' must not be null");
		Assert.notNull(classes, "'classes' must not be null");
		Assert.notNull(errors, "'errors' must not be null");
		sources = List.copyOf(sources);
		classes = List.copyOf(classes);
		errors = List.copyOf(errors);
	}

	/**
	 * Return whether the whole batch compiled.
	 * @return whether there is no error
	 */
	public boolean succeeded() {
		return this.errors.isEmpty();
	}

}
