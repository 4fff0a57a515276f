package dev.hotreload.refresh;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import dev.hotreload.watch.ChangedFiles;
import dev.hotreload.watch.FileChangeListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Keeps the JVM up while no application context runs, after a refresh failed, and asks
 * for the next refresh at the next changed class file, which the refresher's
 * {@link dev.hotreload.watch.ChangeIntake} reports. A non-daemon thread
 * ("hotreload-keep-alive") holds the JVM, since the web server's threads are gone.
 */
final class RefreshFailureWatch {

	private static final Log logger = LogFactory.getLog(RefreshFailureWatch.class);

	private final List<Path> directories;

	private final FileChangeListener listener;

	private final Object monitor = new Object();

	private @Nullable CountDownLatch keepAlive;

	private boolean waiting;

	/**
	 * Create a watch; nothing runs until {@link #start()}.
	 * @param directories the class directories, named in the log
	 * @param listener who asks for the next refresh
	 */
	RefreshFailureWatch(List<Path> directories, FileChangeListener listener) {
		Assert.notNull(directories, "'directories' must not be null");
		Assert.notNull(listener, "'listener' must not be null");
		this.directories = List.copyOf(directories);
		this.listener = listener;
	}

	/**
	 * Keep the JVM up and wait for the next change, unless already doing so.
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
			this.waiting = true;
		}
		logger.warn("The application is down after a failed refresh, its web server too; the JVM stays up "
				+ "and the next change of a class file in " + this.directories + " refreshes again");
	}

	/**
	 * Take changed class files that no application took: while the application is down
	 * after a failed refresh, the first of them asks for the next refresh.
	 * @param changes the changed class files
	 */
	void changed(ChangedFiles changes) {
		synchronized (this.monitor) {
			if (!this.waiting) {
				return;
			}
			this.waiting = false;
		}
		this.listener.onChange(changes);
	}

	/**
	 * Stop waiting and let the JVM end when nothing else runs.
	 */
	void stop() {
		synchronized (this.monitor) {
			this.waiting = false;
			if (this.keepAlive != null) {
				this.keepAlive.countDown();
				this.keepAlive = null;
			}
		}
	}

}
