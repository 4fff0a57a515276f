package dev.hotreload.watch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The intake of changed files for as long as it runs, however many application contexts
 * come and go meanwhile: one {@link FileWatcher} whose batches go to the listener
 * attached at the time. A batch that arrives while no listener is attached (a full
 * refresh replaces the context, or a refresh failed) is kept, whole, for the next
 * listener, and told to the {@link #ChangeIntake unattended listener}, so nothing written
 * between two contexts is lost.
 */
public final class ChangeIntake implements ChangeSource {

	private final FileWatcher watcher;

	private final FileChangeListener unattended;

	private final Object monitor = new Object();

	private final Set<Path> kept = new LinkedHashSet<>();

	private @Nullable FileChangeListener listener;

	/**
	 * Create an intake; nothing runs until {@link #start()}.
	 * @param name the prefix of the watcher's thread names
	 * @param roots the directories to watch
	 * @param quietPeriods how long a batch waits before it is handed on
	 * @param filter which files count
	 * @param unattended told of every batch that arrives while no listener is attached,
	 * on the watcher's thread
	 */
	public ChangeIntake(String name, Collection<Path> roots, QuietPeriods quietPeriods, Predicate<Path> filter,
			FileChangeListener unattended) {
		Assert.notNull(unattended, "'unattended' must not be null");
		this.watcher = new FileWatcher(name, roots, quietPeriods, FileWatcher.DEFAULT_STOP_TIMEOUT, filter,
				this::onChange);
		this.unattended = unattended;
	}

	/**
	 * Start watching; returns once the directories are registered.
	 */
	public void start() {
		this.watcher.start();
	}

	/**
	 * Stop watching, as when the JVM stops.
	 */
	public void stop() {
		this.watcher.stop();
	}

	@Override
	public List<Path> roots() {
		return this.watcher.roots();
	}

	/**
	 * Hand every later batch to a listener, after the batch of what changed since the
	 * last listener was detached, if anything did; that one is handed on the calling
	 * thread.
	 * @param listener the listener, which replaces any other
	 */
	@Override
	public void attach(FileChangeListener listener) {
		Assert.notNull(listener, "'listener' must not be null");
		ChangedFiles kept;
		synchronized (this.monitor) {
			this.listener = listener;
			kept = currentState(this.kept);
			this.kept.clear();
		}
		if (!kept.files().isEmpty()) {
			listener.onChange(kept);
		}
	}

	/**
	 * Keep the batches that arrive from now on until the next listener is attached.
	 * @param listener the listener to detach; another one stays attached
	 */
	@Override
	public void detach(FileChangeListener listener) {
		synchronized (this.monitor) {
			if (this.listener == listener) {
				this.listener = null;
			}
		}
	}

	/**
	 * Return the files kept for the next listener.
	 * @return the files, each as it is now
	 */
	public ChangedFiles kept() {
		synchronized (this.monitor) {
			return currentState(this.kept);
		}
	}

	/**
	 * Return how many deletions of watched files were seen.
	 * @return the number of deletions since the intake was created
	 * @see FileWatcher#deletions()
	 */
	public long deletions() {
		return this.watcher.deletions();
	}

	/**
	 * Tell whether a batch waits for deleted files to come back, as while a build
	 * compiles the output it deleted.
	 * @return whether a deleted file is awaited
	 */
	public boolean awaitsDeletedFiles() {
		return this.watcher.awaitsDeletedFiles();
	}

	/**
	 * Wait until no batch waits for deleted files any more.
	 * @param timeout how long to wait at most
	 * @return whether no deleted file is awaited any more
	 * @throws InterruptedException if interrupted while waiting
	 * @see FileWatcher#awaitDeletedFiles(Duration)
	 */
	public boolean awaitDeletedFiles(Duration timeout) throws InterruptedException {
		return this.watcher.awaitDeletedFiles(timeout);
	}

	private void onChange(ChangedFiles changes) {
		FileChangeListener listener;
		synchronized (this.monitor) {
			listener = this.listener;
			if (listener == null) {
				changes.files().forEach((file) -> this.kept.add(file.path()));
			}
		}
		if (listener != null) {
			listener.onChange(changes);
		}
		else {
			this.unattended.onChange(changes);
		}
	}

	// A file kept while no listener was attached may have been deleted or written again
	// since: what counts is how it is when the next listener takes it.
	private ChangedFiles currentState(Set<Path> paths) {
		List<ChangedFile> files = new ArrayList<>();
		for (Path path : paths) {
			Path root = rootOf(path);
			if (root != null) {
				files.add(new ChangedFile(root, path, !Files.exists(path)));
			}
		}
		return new ChangedFiles(files);
	}

	private @Nullable Path rootOf(Path path) {
		for (Path root : this.watcher.roots()) {
			if (path.startsWith(root)) {
				return root;
			}
		}
		return null;
	}

}
