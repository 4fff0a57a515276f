package dev.hotreload.reload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.hotreload.classloading.ClassFileNames;
import dev.hotreload.watch.ChangedFile;
import dev.hotreload.watch.ChangedFiles;
import dev.hotreload.watch.EarlierChanges;
import dev.hotreload.watch.FileChangeListener;
import dev.hotreload.watch.FileWatcher;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Watches the class directories of the reloadable beans while the application context
 * runs, and feeds the changed class files to the {@link ChangeDispatcher}. It starts once
 * the context is refreshed and stops when the context closes.
 */
public final class ClassChangeWatcher implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ClassChangeWatcher.class);

	private final ReloadableBeans beans;

	private final FileChangeListener listener;

	private final Duration quietPeriod;

	private final Duration deletionQuietPeriod;

	private final EarlierChanges earlierChanges;

	private volatile @Nullable FileWatcher watcher;

	/**
	 * Create a watcher.
	 * @param beans the reloadable beans, whose class directories are watched
	 * @param listener what turns each batch of changed class files into reloads
	 * @param quietPeriod how long no further change must arrive before a batch is handled
	 */
	public ClassChangeWatcher(ReloadableBeans beans, FileChangeListener listener, Duration quietPeriod) {
		this(beans, listener, quietPeriod, FileWatcher.DEFAULT_DELETION_QUIET_PERIOD, EarlierChanges.NONE);
	}

	/**
	 * Create a watcher.
	 * @param beans the reloadable beans, whose class directories are watched
	 * @param listener what turns each batch of changed class files into reloads
	 * @param quietPeriod how long no further change must arrive before a batch is handled
	 * @param deletionQuietPeriod how long a deleted class file must stay deleted before
	 * its batch is handled, unless it comes back earlier
	 * @param earlierChanges the changes written before this watcher started that it would
	 * miss (those of a refresh that creates this context), handled once it has started
	 */
	public ClassChangeWatcher(ReloadableBeans beans, FileChangeListener listener, Duration quietPeriod,
			Duration deletionQuietPeriod, EarlierChanges earlierChanges) {
		Assert.notNull(beans, "'beans' must not be null");
		Assert.notNull(listener, "'listener' must not be null");
		Assert.notNull(quietPeriod, "'quietPeriod' must not be null");
		Assert.notNull(deletionQuietPeriod, "'deletionQuietPeriod' must not be null");
		Assert.notNull(earlierChanges, "'earlierChanges' must not be null");
		this.beans = beans;
		this.listener = listener;
		this.quietPeriod = quietPeriod;
		this.deletionQuietPeriod = deletionQuietPeriod;
		this.earlierChanges = earlierChanges;
	}

	@Override
	public void start() {
		Set<Path> directories = this.beans.classDirectories();
		if (directories.isEmpty() || this.watcher != null) {
			return;
		}
		FileWatcher watcher = new FileWatcher("hotreload", directories, this.quietPeriod, this.deletionQuietPeriod,
				FileWatcher.DEFAULT_STOP_TIMEOUT, (path) -> ClassFileNames.isClassFile(path.toString()), this.listener);
		watcher.start();
		this.watcher = watcher;
		ChangedFiles earlier = this.earlierChanges.take();
		if (!earlier.files().isEmpty()) {
			logger.info("Applying " + earlier.files().size() + " class file(s) written while the application "
					+ "refreshed: " + earlier.changedClassNames());
			this.listener.onChange(earlier);
		}
		reloadChangedSinceCreated();
		logger.info("Hot reload is watching " + directories.size() + " class director"
				+ ((directories.size() == 1) ? "y" : "ies") + " for " + this.beans.names().size()
				+ " reloadable bean(s): " + this.beans.names());
	}

	// A class file written while the application started, after its bean was created
	// and before the watcher registered, raised no event and is the watcher's baseline:
	// the beans' class files are compared with those of their live generations once.
	private void reloadChangedSinceCreated() {
		List<ChangedFile> classFiles = this.beans.all()
			.stream()
			.filter((bean) -> Files.isRegularFile(bean.classFile()))
			.map((bean) -> new ChangedFile(bean.classDirectory(), bean.classFile(), false))
			.toList();
		if (!classFiles.isEmpty()) {
			this.listener.onChange(new ChangedFiles(classFiles));
		}
	}

	@Override
	public void stop() {
		FileWatcher watcher = this.watcher;
		if (watcher != null) {
			watcher.stop();
			this.watcher = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.watcher != null;
	}

}
