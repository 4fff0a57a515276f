package dev.hotreload.reload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import dev.hotreload.watch.ChangeSource;
import dev.hotreload.watch.ChangedFile;
import dev.hotreload.watch.ChangedFiles;
import dev.hotreload.watch.FileChangeListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Takes the changed class files of the reloadable beans' class directories while the
 * application context runs, from its {@link ChangeSource}, and feeds them to the
 * {@link ChangeDispatcher}. It attaches once the context is refreshed and detaches when
 * the context closes; on a refreshable application the source outlives the context and
 * keeps what is written until the next context attaches.
 */
public final class ClassChangeWatcher implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ClassChangeWatcher.class);

	private final ReloadableBeans beans;

	private final FileChangeListener listener;

	private final ChangeSource source;

	private volatile boolean running;

	/**
	 * Create a watcher.
	 * @param beans the reloadable beans, whose class directories are watched
	 * @param listener what turns each batch of changed class files into reloads
	 * @param source where the changed class files come from
	 */
	public ClassChangeWatcher(ReloadableBeans beans, FileChangeListener listener, ChangeSource source) {
		Assert.notNull(beans, "'beans' must not be null");
		Assert.notNull(listener, "'listener' must not be null");
		Assert.notNull(source, "'source' must not be null");
		this.beans = beans;
		this.listener = listener;
		this.source = source;
	}

	@Override
	public void start() {
		Set<Path> directories = this.beans.classDirectories();
		if (directories.isEmpty() || this.running) {
			return;
		}
		// What the source kept since the last context detached (written while the
		// application refreshed) comes first, on this thread.
		this.source.attach(this.listener);
		this.running = true;
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
		if (this.running) {
			this.source.detach(this.listener);
			this.running = false;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
