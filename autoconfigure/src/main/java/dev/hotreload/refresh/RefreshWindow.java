package dev.hotreload.refresh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.hotreload.classloading.ClassFileNames;
import dev.hotreload.watch.ChangedFile;
import dev.hotreload.watch.ChangedFiles;
import dev.hotreload.watch.EarlierChanges;
import dev.hotreload.watch.FileWatcher;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Watches the project's class directories for the length of a full refresh, from before
 * the running context closes until the new context's watcher has started, so that a class
 * file written in between is handed to the new context instead of being lost. Its threads
 * are named "hotreload-refresh-window-watcher" and "hotreload-refresh-window-reload".
 */
final class RefreshWindow implements EarlierChanges {

	private final List<Path> directories;

	private final Duration quietPeriod;

	private final Object monitor = new Object();

	private final Set<Path> seen = new LinkedHashSet<>();

	private @Nullable FileWatcher watcher;

	/**
	 * Create a window; nothing runs until {@link #open()}.
	 * @param directories the class directories to watch
	 * @param quietPeriod how long no further change must arrive before a batch counts
	 */
	RefreshWindow(List<Path> directories, Duration quietPeriod) {
		Assert.notNull(directories, "'directories' must not be null");
		Assert.notNull(quietPeriod, "'quietPeriod' must not be null");
		this.directories = List.copyOf(directories);
		this.quietPeriod = quietPeriod;
	}

	/**
	 * Start watching, unless already watching; returns once the directories are
	 * registered.
	 */
	void open() {
		synchronized (this.monitor) {
			if (this.watcher != null || this.directories.isEmpty()) {
				return;
			}
			this.seen.clear();
			FileWatcher watcher = new FileWatcher("hotreload-refresh-window", this.directories, this.quietPeriod,
					(path) -> ClassFileNames.isClassFile(path.toString()), this::onChange);
			watcher.start();
			this.watcher = watcher;
		}
	}

	private void onChange(ChangedFiles changes) {
		synchronized (this.seen) {
			changes.files().forEach((file) -> this.seen.add(file.path()));
		}
	}

	/**
	 * Stop watching and return the class files that changed since the window opened:
	 * those delivered and those still waiting for the quiet period.
	 * @return the changed files, each as it is now; empty when the window is not open
	 */
	@Override
	public ChangedFiles take() {
		FileWatcher watcher;
		synchronized (this.monitor) {
			watcher = this.watcher;
			this.watcher = null;
		}
		if (watcher == null) {
			return new ChangedFiles(List.of());
		}
		// Read before the stop, which drops what waits: a file is either waiting now or
		// delivered by the time the stop returns.
		Set<Path> changed = new LinkedHashSet<>(watcher.pendingFiles());
		watcher.stop();
		synchronized (this.seen) {
			changed.addAll(this.seen);
			this.seen.clear();
		}
		List<ChangedFile> files = new ArrayList<>();
		for (Path path : changed) {
			Path root = rootOf(path);
			if (root != null) {
				files.add(new ChangedFile(root, path, !Files.exists(path)));
			}
		}
		return new ChangedFiles(files);
	}

	private @Nullable Path rootOf(Path path) {
		for (Path directory : this.directories) {
			if (path.startsWith(directory)) {
				return directory;
			}
		}
		return null;
	}

}
