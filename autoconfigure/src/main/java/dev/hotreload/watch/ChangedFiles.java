package dev.hotreload.watch;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.util.Assert;

/**
 * The files that changed together, in one debounced batch.
 *
 * @param files the changed files
 */
public record ChangedFiles(List<ChangedFile> files) {

	/**
	 * Create a batch.
	 * @param files the changed files
	 */
	public ChangedFiles {
		Assert.notNull(files, "'files' must not be null");
		files = List.copyOf(files);
	}

	/**
	 * Return the binary names of the classes whose class files changed or appeared.
	 * @return the class names, sorted
	 */
	public Set<String> changedClassNames() {
		return this.files.stream()
			.filter((file) -> !file.deleted())
			.map(ChangedFile::className)
			.filter(Objects::nonNull)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	/**
	 * Return whether the batch holds no file.
	 * @return whether it is empty
	 */
	public boolean isEmpty() {
		return this.files.isEmpty();
	}

}
