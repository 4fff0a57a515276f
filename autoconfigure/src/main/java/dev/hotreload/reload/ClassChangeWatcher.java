package dev.hotreload.reload;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.hotreload.watch.FileWatcher;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Watches the engine's class directories while the application context runs, and feeds
 * the changed class files to the engine. It starts once the context is refreshed and
 * stops when the context closes.
 */
public final class ClassChangeWatcher implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ClassChangeWatcher.class);

	private final HotReloadEngine engine;

	private final Duration quietPeriod;

	private volatile @Nullable FileWatcher watcher;

	/**
	 * Create a watcher.
	 * @param engine the engine that reloads the changed classes
	 * @param quietPeriod how long no further change must arrive before a batch is handled
	 */
	public ClassChangeWatcher(HotReloadEngine engine, Duration quietPeriod) {
		Assert.notNull(engine, "'engine' must not be null");
		Assert.notNull(quietPeriod, "'quietPeriod' must not be null");
		this.engine = engine;
		this.quietPeriod = quietPeriod;
	}

	@Override
	public void start() {
		if (this.engine.classDirectories().isEmpty() || this.watcher != null) {
			return;
		}
		FileWatcher watcher = new FileWatcher(this.engine.classDirectories(), this.quietPeriod,
				(path) -> path.toString().endsWith(".class"), this.engine);
		watcher.start();
		this.watcher = watcher;
		logger.info("Hot reload is watching " + this.engine.classDirectories().size() + " class director"
				+ ((this.engine.classDirectories().size() == 1) ? "y" : "ies") + " for "
				+ this.engine.reloadableBeans().size() + " reloadable bean(s): " + this.engine.reloadableBeans());
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
