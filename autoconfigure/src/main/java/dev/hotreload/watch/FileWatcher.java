package dev.hotreload.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.helpers.NOPLogger;

import org.springframework.util.Assert;

/**
 * Watches directories with {@code io.methvin:directory-watcher} and hands the changed
 * files to a {@link FileChangeListener} in batches. A batch is delivered once no further
 * change arrived for the quiet period, so that an IDE's delete-then-create, an editor's
 * atomic rename or a build that rewrites hundreds of files each make one batch. Whether a
 * file was deleted is decided when the batch is delivered, from the file system, and a
 * file whose content is the same as when it was last seen is left out, since a build
 * rewrites every class it compiles, changed or not.
 * <p>
 * Two named daemon threads run while the watcher is started: "{name}-watcher" receives
 * the events, "{name}-reload" delivers the batches ("hotreload-watcher" and
 * "hotreload-reload" unless another name is given).
 */
public final class FileWatcher {

	private static final Log logger = LogFactory.getLog(FileWatcher.class);

	private static final String DEFAULT_NAME = "hotreload";

	private final String name;

	private final List<Path> roots;

	private final Duration quietPeriod;

	private final Predicate<Path> filter;

	private final FileChangeListener listener;

	private final Map<Path, Path> pending = new LinkedHashMap<>();

	private final ContentHashes hashes = new ContentHashes();

	private final Object monitor = new Object();

	private @Nullable Watching watching;

	private @Nullable ScheduledFuture<?> scheduledDelivery;

	/**
	 * Create a watcher; nothing runs until {@link #start()}.
	 * @param roots the directories to watch, recursively
	 * @param quietPeriod how long no change must arrive before a batch is delivered
	 * @param filter which files matter
	 * @param listener who receives the batches
	 */
	public FileWatcher(Collection<Path> roots, Duration quietPeriod, Predicate<Path> filter,
			FileChangeListener listener) {
		this(DEFAULT_NAME, roots, quietPeriod, filter, listener);
	}

	/**
	 * Create a watcher whose threads carry a name of their own; nothing runs until
	 * {@link #start()}.
	 * @param name the prefix of the threads' names
	 * @param roots the directories to watch, recursively
	 * @param quietPeriod how long no change must arrive before a batch is delivered
	 * @param filter which files matter
	 * @param listener who receives the batches
	 */
	public FileWatcher(String name, Collection<Path> roots, Duration quietPeriod, Predicate<Path> filter,
			FileChangeListener listener) {
		Assert.hasText(name, "'name' must not be empty");
		Assert.notEmpty(roots, "'roots' must not be empty");
		Assert.notNull(quietPeriod, "'quietPeriod' must not be null");
		Assert.isTrue(!quietPeriod.isNegative(), "'quietPeriod' must not be negative");
		Assert.notNull(filter, "'filter' must not be null");
		Assert.notNull(listener, "'listener' must not be null");
		this.name = name;
		this.roots = List.copyOf(roots);
		this.quietPeriod = quietPeriod;
		this.filter = filter;
		this.listener = listener;
	}

	/**
	 * Start watching. Returns once the directories are registered, so that a change made
	 * after this call is seen.
	 */
	public void start() {
		synchronized (this.monitor) {
			if (this.watching != null) {
				return;
			}
			DirectoryWatcher watcher;
			try {
				watcher = DirectoryWatcher.builder()
					.paths(this.roots)
					.fileHashing(false)
					.logger(NOPLogger.NOP_LOGGER)
					.listener(this::onEvent)
					.build();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot watch " + this.roots, ex);
			}
			this.hashes.clear();
			this.roots.forEach((root) -> this.hashes.record(root, this.filter));
			ExecutorService watchExecutor = Executors.newSingleThreadExecutor(daemon(this.name + "-watcher"));
			ScheduledExecutorService deliveryExecutor = Executors
				.newSingleThreadScheduledExecutor(daemon(this.name + "-reload"));
			this.watching = new Watching(watcher, watchExecutor, deliveryExecutor);
			watcher.watchAsync(watchExecutor);
		}
	}

	/**
	 * Stop watching and end both threads. Changes not yet delivered are dropped.
	 */
	public void stop() {
		synchronized (this.monitor) {
			Watching watching = this.watching;
			if (watching == null) {
				return;
			}
			try {
				watching.watcher().close();
			}
			catch (IOException ex) {
				logger.debug("Error while closing the directory watcher", ex);
			}
			watching.watchExecutor().shutdownNow();
			watching.deliveryExecutor().shutdownNow();
			this.watching = null;
			this.pending.clear();
		}
	}

	/**
	 * Return the watched directories.
	 * @return the roots
	 */
	public List<Path> roots() {
		return this.roots;
	}

	private void onEvent(DirectoryChangeEvent event) {
		if (event.eventType() == DirectoryChangeEvent.EventType.OVERFLOW) {
			logger.warn("Too many file changes at once in " + event.rootPath()
					+ ": some were missed; save the files again or run a full refresh");
			return;
		}
		Path path = event.path();
		if (path == null || event.isDirectory() || !this.filter.test(path)) {
			return;
		}
		synchronized (this.monitor) {
			Watching watching = this.watching;
			if (watching == null) {
				return;
			}
			this.pending.put(path, event.rootPath());
			if (this.scheduledDelivery != null) {
				this.scheduledDelivery.cancel(false);
			}
			this.scheduledDelivery = watching.deliveryExecutor()
				.schedule(this::deliver, this.quietPeriod.toNanos(), TimeUnit.NANOSECONDS);
		}
	}

	private void deliver() {
		List<ChangedFile> files = new ArrayList<>();
		synchronized (this.monitor) {
			this.pending.forEach((path, root) -> {
				boolean deleted = !Files.exists(path);
				if (this.hashes.changed(path, deleted)) {
					files.add(new ChangedFile(root, path, deleted));
				}
			});
			this.pending.clear();
		}
		if (files.isEmpty()) {
			return;
		}
		try {
			this.listener.onChange(new ChangedFiles(files));
		}
		catch (Throwable ex) {
			logger.error("Error while handling " + files.size() + " changed file(s)", ex);
		}
	}

	private static ThreadFactory daemon(String name) {
		return (runnable) -> {
			Thread thread = new Thread(runnable, name);
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * What runs while the watcher is started: set and cleared together.
	 */
	private record Watching(DirectoryWatcher watcher, ExecutorService watchExecutor,
			ScheduledExecutorService deliveryExecutor) {

	}

}
