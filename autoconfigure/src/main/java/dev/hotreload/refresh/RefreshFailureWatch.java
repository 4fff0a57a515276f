package dev.hotreload.refresh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import dev.hotreload.watch.ChangedFiles;
import dev.hotreload.watch.FileChangeListener;
import dev.hotreload.watch.FileWatcher;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Keeps the JVM up and watches the project's class directories while no application
 * context runs, after a refresh failed: the next changed class file asks for another
 * refresh. A non-daemon thread ("hotreload-keep-alive") holds the JVM, since the web
 * server's threads are gone; the watcher's threads are named "hotreload-refresh-watcher"
 * and "hotreload-refresh-reload".
 */
final class RefreshFailureWatch {

	private static final Log logger = LogFactory.getLog(RefreshFailureWatch.class);

	private final List<Path> directories;

	private final Duration quietPeriod;

	private final FileChangeListener listener;

	private final Object monitor = new Object();

	private @Nullable FileWatcher watcher;

	private @Nullable CountDownLatch keepAlive;

	/**
	 * Create a watch; nothing runs until {@link #start()}.
	 * @param directories the class directories to watch
	 * @param quietPeriod how long no further change must arrive before a batch counts
	 * @param listener who asks for the next refresh
	 */
	RefreshFailureWatch(List<Path> directories, Duration quietPeriod, FileChangeListener listener) {
		Assert.notNull(directories, "'directories' must not be null");
		Assert.notNull(quietPeriod, "'quietPeriod' must not be null");
		Assert.notNull(listener, "'listener' must not be null");
		this.directories = List.copyOf(directories);
		this.quietPeriod = quietPeriod;
		this.listener = listener;
	}

	/**
	 * Start watching and keep the JVM up, unless already doing so.
	 */
	void start() {
		synchronized (this.monitor) {
			if (this.keepAlive == null) {
				CountDownLatch keepAlive = new CountDownLatch(1);
				Thread thread = new Thread(() -> {
					try {
						keepAlive.await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}, "hotreload-keep-alive");
				thread.setDaemon(false);
				thread.start();
				this.keepAlive = keepAlive;
			}
			if (this.watcher == null && !this.directories.isEmpty()) {
				FileWatcher watcher = new FileWatcher("hotreload-refresh", this.directories, this.quietPeriod,
						(path) -> path.toString().endsWith(".class"), this::onChange);
				watcher.start();
				this.watcher = watcher;
			}
		}
		logger.warn("The application is down after a failed refresh, its web server too; the JVM stays up "
				+ "and the next change of a class file in " + this.directories + " refreshes again");
	}

	/**
	 * Take changes seen elsewhere (while the refresh that failed ran) as if this watch
	 * had seen them: if it watches, they ask for the next refresh.
	 * @param changes the changed class files
	 */
	void changed(ChangedFiles changes) {
		onChange(changes);
	}

	// The JVM stays up until the refresh that this change asks for succeeds.
	private void onChange(ChangedFiles changes) {
		synchronized (this.monitor) {
			if (this.watcher == null) {
				return;
			}
			this.watcher.stop();
			this.watcher = null;
		}
		this.listener.onChange(changes);
	}

	/**
	 * Stop watching and let the JVM end when nothing else runs.
	 */
	void stop() {
		synchronized (this.monitor) {
			if (this.watcher != null) {
				this.watcher.stop();
				this.watcher = null;
			}
			if (this.keepAlive != null) {
				this.keepAlive.countDown();
				this.keepAlive = null;
			}
		}
	}

}
