package dev.hotreload.watch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base for tests of {@link FileWatcher} over a real temporary directory: the directory,
 * the batches the tests' listeners collect, and the watchers, stopped after each test.
 */
abstract class AbstractFileWatcherTests {

	protected static final Duration TIMEOUT = Duration.ofSeconds(20);

	protected static final Predicate<Path> CLASS_FILES = (path) -> path.toString().endsWith(".class");

	protected final List<ChangedFiles> batches = new CopyOnWriteArrayList<>();

	private final List<FileWatcher> watchers = new ArrayList<>();

	protected Path root;

	@BeforeEach
	void createRoot(@TempDir Path temp) throws IOException {
		this.root = temp.toRealPath();
	}

	@AfterEach
	void stopWatchers() {
		this.watchers.forEach(FileWatcher::stop);
	}

	/**
	 * Register a watcher to be stopped after the test.
	 * @param watcher the watcher
	 * @return the watcher
	 */
	protected FileWatcher watcher(FileWatcher watcher) {
		this.watchers.add(watcher);
		return watcher;
	}

	/**
	 * Return the paths of all files in the given batches, in the order delivered.
	 * @param batches the batches
	 * @return the paths, one for each time a file was delivered
	 */
	protected static List<Path> deliveredPaths(List<ChangedFiles> batches) {
		return batches.stream().flatMap((batch) -> batch.files().stream()).map(ChangedFile::path).toList();
	}

}
