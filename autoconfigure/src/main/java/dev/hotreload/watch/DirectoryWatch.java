package dev.hotreload.watch;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A {@link ChangeSource} with a {@link FileWatcher} of its own, which watches while a
 * listener is attached: the source of an application context that cannot be refreshed,
 * and so has nothing to hand over to a next one.
 */
public final class DirectoryWatch implements ChangeSource {

	private final String name;

	private final List<Path> roots;

	private final QuietPeriods quietPeriods;

	private final Predicate<Path> filter;

	private final Object monitor = new Object();

	private @Nullable FileWatcher watcher;

	private @Nullable FileChangeListener listener;

	/**
	 * Create a watch; nothing runs until a listener is attached.
	 * @param name the prefix of the watcher's thread names
	 * @param roots the directories to watch
	 * @param quietPeriods how long a batch waits before it is handed on
	 * @param filter which files count
	 */
	public DirectoryWatch(String name, Collection<Path> roots, QuietPeriods quietPeriods, Predicate<Path> filter) {
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(roots, "'roots' must not be null");
		Assert.notNull(quietPeriods, "'quietPeriods' must not be null");
		Assert.notNull(filter, "'filter' must not be null");
		this.name = name;
		this.roots = List.copyOf(roots);
		this.quietPeriods = quietPeriods;
		this.filter = filter;
	}

	@Override
	public List<Path> roots() {
		return this.roots;
	}

	@Override
	public void attach(FileChangeListener listener) {
		Assert.notNull(listener, "'listener' must not be null");
		synchronized (this.monitor) {
			Assert.state(this.watcher == null, "A listener is attached already");
			FileWatcher watcher = new FileWatcher(this.name, this.roots, this.quietPeriods,
					FileWatcher.DEFAULT_STOP_TIMEOUT, this.filter, listener);
			watcher.start();
			this.watcher = watcher;
			this.listener = listener;
		}
	}

	@Override
	public void detach(FileChangeListener listener) {
		FileWatcher watcher;
		synchronized (this.monitor) {
			if (this.listener != listener) {
				return;
			}
			watcher = this.watcher;
			this.watcher = null;
			this.listener = null;
		}
		if (watcher != null) {
			watcher.stop();
		}
	}

}
