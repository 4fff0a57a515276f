package dev.hotreload.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.helpers.NOPLogger;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.Assert;

/**
 * Watches directories with {@code io.methvin:directory-watcher} and hands the changed
 * files to a {@link FileChangeListener} in batches. A batch is delivered once no further
 * change arrived for its quiet period, so that an IDE's delete-then-create, an editor's
 * atomic rename or a build that rewrites hundreds of files each make one batch. The quiet
 * period adapts (see {@link QuietPeriods}): a batch of one file waits for the short
 * single-file quiet period, and a second file makes it a burst that waits for the whole
 * quiet period after its latest change. Whether a file was deleted is decided when the
 * batch is delivered, from the file system, and a file whose content is the same as when
 * it was last seen is left out, since a build rewrites every class it compiles, changed
 * or not. A batch in which a file that existed is gone waits until the file is back or
 * has stayed gone for the deletion quiet period: a build that deletes its output and
 * writes it again a few seconds later (Maven's incremental compilation, Gradle, an IDE's
 * rebuild) makes one batch of the files whose content changed, decided once the writes
 * have settled. Files are read and checksummed on the delivery thread without holding the
 * lock that event intake needs, so that events keep being taken in while a large batch is
 * read.
 * <p>
 * Two named daemon threads run while the watcher is started: "{name}-watcher" receives
 * the events, "{name}-reload" delivers the batches ("hotreload-watcher" and
 * "hotreload-reload" unless another name is given). {@link #stop()} works like Spring
 * Boot's {@code FileSystemWatcher}: it stops taking events, lets the batch being
 * delivered finish within the stop timeout, and then joins both threads.
 */
public final class FileWatcher {

	private static final Log logger = LogFactory.getLog(FileWatcher.class);

	private static final String DEFAULT_NAME = "hotreload";

	/**
	 * How long {@link #stop()} waits for the batch being delivered unless told otherwise.
	 */
	public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * How long a deleted file must stay deleted before its batch is delivered, unless
	 * told otherwise: longer than a build of a module takes to write its classes again.
	 */
	public static final Duration DEFAULT_DELETION_QUIET_PERIOD = Duration.ofSeconds(5);

	private final String name;

	private final List<Path> roots;

	private final QuietPeriods quietPeriods;

	private final Duration stopTimeout;

	private final Predicate<Path> filter;

	private final FileChangeListener listener;

	private final Map<Path, Path> pending = new LinkedHashMap<>();

	private final ContentHashes hashes = new ContentHashes();

	// When each file that existed was first found gone; read and written only by the
	// delivery thread, cleared when the watcher starts.
	private final Map<Path, Long> deletedSince = new ConcurrentHashMap<>();

	// How many deletions of watched files were seen, for as long as the watcher lives.
	private final AtomicLong deletions = new AtomicLong();

	private final Object monitor = new Object();

	private final Object lifecycleMonitor = new Object();

	private @Nullable Running running;

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
		this(name, roots, quietPeriod, DEFAULT_STOP_TIMEOUT, filter, listener);
	}

	/**
	 * Create a watcher whose threads carry a name of their own and that waits a given
	 * time for the batch being delivered when it stops; nothing runs until
	 * {@link #start()}.
	 * @param name the prefix of the threads' names
	 * @param roots the directories to watch, recursively
	 * @param quietPeriod how long no change must arrive before a batch is delivered
	 * @param stopTimeout how long {@link #stop()} waits for the batch being delivered
	 * before it interrupts it
	 * @param filter which files matter
	 * @param listener who receives the batches
	 */
	public FileWatcher(String name, Collection<Path> roots, Duration quietPeriod, Duration stopTimeout,
			Predicate<Path> filter, FileChangeListener listener) {
		this(name, roots, quietPeriod, DEFAULT_DELETION_QUIET_PERIOD, stopTimeout, filter, listener);
	}

	/**
	 * Create a watcher with every setting given and a quiet period that waits the same
	 * for one file as for a burst; nothing runs until {@link #start()}.
	 * @param name the prefix of the threads' names
	 * @param roots the directories to watch, recursively
	 * @param quietPeriod how long no change must arrive before a batch is delivered
	 * @param deletionQuietPeriod how long a file that existed must stay deleted before a
	 * batch that holds its deletion is delivered, unless it comes back earlier
	 * @param stopTimeout how long {@link #stop()} waits for the batch being delivered
	 * before it interrupts it
	 * @param filter which files matter
	 * @param listener who receives the batches
	 */
	public FileWatcher(String name, Collection<Path> roots, Duration quietPeriod, Duration deletionQuietPeriod,
			Duration stopTimeout, Predicate<Path> filter, FileChangeListener listener) {
		this(name, roots, new QuietPeriods(quietPeriod, quietPeriod, deletionQuietPeriod), stopTimeout, filter,
				listener);
	}

	/**
	 * Create a watcher with every setting given; nothing runs until {@link #start()}.
	 * @param name the prefix of the threads' names
	 * @param roots the directories to watch, recursively
	 * @param quietPeriods how long a batch waits before it is delivered
	 * @param stopTimeout how long {@link #stop()} waits for the batch being delivered
	 * before it interrupts it
	 * @param filter which files matter
	 * @param listener who receives the batches
	 */
	public FileWatcher(String name, Collection<Path> roots, QuietPeriods quietPeriods, Duration stopTimeout,
			Predicate<Path> filter, FileChangeListener listener) {
		Assert.hasText(name, "'name' must not be empty");
		Assert.notEmpty(roots, "'roots' must not be empty");
		Assert.notNull(quietPeriods, "'quietPeriods' must not be null");
		Assert.notNull(stopTimeout, "'stopTimeout' must not be null");
		Assert.isTrue(!stopTimeout.isNegative(), "'stopTimeout' must not be negative");
		Assert.notNull(filter, "'filter' must not be null");
		Assert.notNull(listener, "'listener' must not be null");
		this.name = name;
		this.roots = List.copyOf(roots);
		this.quietPeriods = quietPeriods;
		this.stopTimeout = stopTimeout;
		this.filter = filter;
		this.listener = listener;
	}

	/**
	 * Start watching. Returns once the directories are registered, so that a change made
	 * after this call is seen. The content of the files is remembered before the
	 * directories are registered, and a file that changed in between is delivered as a
	 * change.
	 */
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.running != null) {
				return;
			}
			this.hashes.clear();
			this.deletedSince.clear();
			this.roots.forEach((root) -> this.hashes.record(root, this.filter));
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
			ExecutorService watchExecutor = Executors.newSingleThreadExecutor(daemon(this.name + "-watcher", null));
			Set<Thread> deliveryThreads = ConcurrentHashMap.newKeySet();
			ScheduledThreadPoolExecutor deliveryExecutor = new ScheduledThreadPoolExecutor(1,
					daemon(this.name + "-reload", deliveryThreads));
			// A delivery not yet begun when the watcher stops is dropped, not run.
			deliveryExecutor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
			synchronized (this.monitor) {
				this.running = new Running(watcher, watchExecutor, deliveryExecutor, deliveryThreads);
			}
			watcher.watchAsync(watchExecutor).exceptionally((ex) -> {
				logger.warn("Watching " + this.roots + " failed; changes are no longer seen", ex);
				return null;
			});
			// Files written between the baseline and the registration raised no event.
			for (Path root : this.roots) {
				this.hashes.possiblyChangedSinceRecorded(root, this.filter).forEach((path) -> take(path, root));
			}
		}
	}

	/**
	 * Stop watching and end both threads: no further event is taken, a batch not yet
	 * being delivered is dropped, and the batch being delivered, if any, may finish
	 * within the stop timeout before it is interrupted. Returns once both threads ended
	 * or the stop timeout passed.
	 */
	public void stop() {
		synchronized (this.lifecycleMonitor) {
			Running running;
			synchronized (this.monitor) {
				running = this.running;
				if (running == null) {
					return;
				}
				this.running = null;
				this.pending.clear();
				this.monitor.notifyAll();
				if (this.scheduledDelivery != null) {
					this.scheduledDelivery.cancel(false);
					this.scheduledDelivery = null;
				}
			}
			try {
				running.watcher().close();
			}
			catch (IOException ex) {
				logger.debug("Error while closing the directory watcher", ex);
			}
			running.watchExecutor().shutdown();
			running.deliveryExecutor().shutdown();
			if (running.deliveryThreads().contains(Thread.currentThread())) {
				// Stopped from a batch being delivered: it cannot wait for itself.
				return;
			}
			if (!awaitTermination(running.deliveryExecutor(), this.stopTimeout)) {
				logger.warn("The '" + this.name + "' file watcher is still delivering a batch after "
						+ DurationStyle.SIMPLE.print(this.stopTimeout) + "; interrupting it");
				running.deliveryExecutor().shutdownNow();
			}
			awaitTermination(running.watchExecutor(), this.stopTimeout);
		}
	}

	/**
	 * Return the watched directories.
	 * @return the roots
	 */
	public List<Path> roots() {
		return this.roots;
	}

	/**
	 * Return the files whose changes wait for the quiet period to pass.
	 * @return the pending files
	 */
	public Set<Path> pendingFiles() {
		synchronized (this.monitor) {
			return new LinkedHashSet<>(this.pending.keySet());
		}
	}

	/**
	 * Return how many deletions of watched files were seen, so that a caller can tell
	 * whether a file was deleted between two moments: a build that cleans its output,
	 * say.
	 * @return the number of deletions seen since the watcher was created
	 */
	public long deletions() {
		return this.deletions.get();
	}

	/**
	 * Tell whether a batch waits for deleted files to come back: one of its files existed
	 * and is gone now, within the deletion quiet period.
	 * @return whether a deleted file is awaited
	 */
	public boolean awaitsDeletedFiles() {
		for (Path path : pendingFiles()) {
			if (this.hashes.known(path) && !Files.exists(path)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Wait until no batch waits for deleted files any more: they came back, or the
	 * deletion quiet period handed their batch on. Each event and each handed batch wakes
	 * the caller to look again.
	 * @param timeout how long to wait at most
	 * @return whether no deleted file is awaited any more
	 * @throws InterruptedException if interrupted while waiting
	 */
	public boolean awaitDeletedFiles(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.monitor) {
			while (awaitsDeletedFiles()) {
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					return false;
				}
				TimeUnit.NANOSECONDS.timedWait(this.monitor, remaining);
			}
			return true;
		}
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
		if (event.eventType() == DirectoryChangeEvent.EventType.DELETE) {
			this.deletions.incrementAndGet();
		}
		take(path, event.rootPath());
	}

	private void take(Path path, Path root) {
		synchronized (this.monitor) {
			Running running = this.running;
			if (running == null) {
				return;
			}
			this.pending.put(path, root);
			this.monitor.notifyAll();
			if (this.scheduledDelivery != null) {
				this.scheduledDelivery.cancel(false);
			}
			this.scheduledDelivery = running.deliveryExecutor()
				.schedule(this::deliver, this.quietPeriods.afterLatestChange(this.pending.size()).toNanos(),
						TimeUnit.NANOSECONDS);
		}
	}

	private void deliver() {
		Map<Path, Path> batch;
		synchronized (this.monitor) {
			if (this.running == null) {
				return;
			}
			batch = new LinkedHashMap<>(this.pending);
		}
		// Look at the file system and read without the lock: events keep coming in.
		Set<Path> gone = new LinkedHashSet<>();
		batch.keySet().forEach((path) -> {
			if (!Files.exists(path)) {
				gone.add(path);
			}
		});
		long wait = deletionWaitNanos(batch.keySet(), gone);
		synchronized (this.monitor) {
			Running running = this.running;
			if (running == null) {
				return;
			}
			if (wait > 0) {
				// Every event for a file that comes back reschedules the delivery too.
				if (this.scheduledDelivery != null) {
					this.scheduledDelivery.cancel(false);
				}
				this.scheduledDelivery = running.deliveryExecutor()
					.schedule(this::deliver, Math.max(wait, this.quietPeriods.quietPeriod().toNanos()),
							TimeUnit.NANOSECONDS);
				return;
			}
			// An event taken since the copy was made is for a write that ended before the
			// files are read below, so the read sees it.
			this.pending.keySet().removeAll(batch.keySet());
			this.monitor.notifyAll();
		}
		batch.keySet().forEach(this.deletedSince::remove);
		List<ChangedFile> files = new ArrayList<>();
		batch.forEach((path, root) -> {
			boolean deleted = gone.contains(path) && !Files.exists(path);
			if (this.hashes.changed(path, deleted)) {
				files.add(new ChangedFile(root, path, deleted));
			}
		});
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

	// How much longer the batch waits for its deleted files to come back: a file that
	// existed and is gone since less than the deletion quiet period keeps it waiting. A
	// file that was never seen (a temporary file, created and deleted in the batch) does
	// not.
	private long deletionWaitNanos(Set<Path> batch, Set<Path> gone) {
		long now = System.nanoTime();
		long wait = 0;
		for (Path path : batch) {
			if (!gone.contains(path)) {
				this.deletedSince.remove(path);
				continue;
			}
			if (!this.hashes.known(path)) {
				continue;
			}
			long since = this.deletedSince.computeIfAbsent(path, (ignored) -> now);
			wait = Math.max(wait, since + this.quietPeriods.deletionQuietPeriod().toNanos() - now);
		}
		return wait;
	}

	private static boolean awaitTermination(ExecutorService executor, Duration timeout) {
		try {
			return executor.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return executor.isTerminated();
		}
	}

	private static ThreadFactory daemon(String name, @Nullable Set<Thread> created) {
		return (runnable) -> {
			Thread thread = new Thread(runnable, name);
			thread.setDaemon(true);
			if (created != null) {
				created.add(thread);
			}
			return thread;
		};
	}

	private record Running(DirectoryWatcher watcher, ExecutorService watchExecutor,
			ScheduledThreadPoolExecutor deliveryExecutor, Set<Thread> deliveryThreads) {

	}

}
