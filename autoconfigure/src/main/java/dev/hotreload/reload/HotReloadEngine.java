package dev.hotreload.reload;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import dev.hotreload.BeanStatus;
import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Trigger;
import dev.hotreload.history.ReloadHistory;
import dev.hotreload.refresh.FullRefresh;
import dev.hotreload.refresh.PendingRefresh;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The hot reload engine as applications and the endpoint see it: a facade over the
 * registry of reloadable beans, the reloader and the history.
 */
public final class HotReloadEngine implements HotReloader {

	private final ReloadableBeans beans;

	private final BeanReloader reloader;

	private final ReloadHistory history;

	private final PendingRefresh pendingRefresh;

	private final @Nullable FullRefresh fullRefresh;

	/**
	 * Create an engine that cannot refresh the application.
	 * @param beans the reloadable beans
	 * @param reloader reloads one bean at a time
	 * @param history the reload history
	 */
	public HotReloadEngine(ReloadableBeans beans, BeanReloader reloader, ReloadHistory history) {
		this(beans, reloader, history, new PendingRefresh(), null);
	}

	/**
	 * Create an engine.
	 * @param beans the reloadable beans
	 * @param reloader reloads one bean at a time
	 * @param history the reload history
	 * @param pendingRefresh the changed classes that wait for a full refresh
	 * @param fullRefresh starts a full refresh, or {@code null} when the application
	 * cannot be refreshed
	 */
	public HotReloadEngine(ReloadableBeans beans, BeanReloader reloader, ReloadHistory history,
			PendingRefresh pendingRefresh, @Nullable FullRefresh fullRefresh) {
		Assert.notNull(beans, "'beans' must not be null");
		Assert.notNull(reloader, "'reloader' must not be null");
		Assert.notNull(history, "'history' must not be null");
		Assert.notNull(pendingRefresh, "'pendingRefresh' must not be null");
		this.beans = beans;
		this.reloader = reloader;
		this.history = history;
		this.pendingRefresh = pendingRefresh;
		this.fullRefresh = fullRefresh;
	}

	@Override
	public long refresh() {
		return refresh(Trigger.API);
	}

	@Override
	public long refresh(Trigger trigger) {
		FullRefresh fullRefresh = this.fullRefresh;
		if (fullRefresh == null) {
			throw new IllegalStateException("This application cannot be refreshed: a full refresh needs it to be "
					+ "started from its main method with hot reload on (not from a test or a packaged jar), "
					+ "or to run on DevTools' restarter");
		}
		List<String> classes = this.pendingRefresh.classes()
			.stream()
			.map(PendingRefresh.PendingClass::className)
			.toList();
		return fullRefresh.refresh(trigger, classes);
	}

	/**
	 * Tell whether the application can be refreshed.
	 * @return whether {@link #refresh()} can start a refresh
	 */
	public boolean canRefresh() {
		return this.fullRefresh != null;
	}

	@Override
	public ReloadRecord reload(String beanName) {
		return reload(beanName, Trigger.API);
	}

	@Override
	public ReloadRecord reload(String beanName, Trigger trigger) {
		return this.reloader.reload(this.beans.require(beanName), trigger);
	}

	@Override
	public List<ReloadRecord> history() {
		return this.history.records();
	}

	@Override
	public List<ReloadRecord> history(String beanName) {
		return this.history.recordsOf(beanName);
	}

	@Override
	public Set<String> reloadableBeans() {
		return this.beans.names();
	}

	@Override
	public List<BeanStatus> beans() {
		return this.beans.statuses();
	}

	@Override
	public @Nullable BeanStatus bean(String beanName) {
		ReloadableBean bean = this.beans.get(beanName);
		return (bean != null) ? bean.status() : null;
	}

	@Override
	public Set<Path> classDirectories() {
		return this.beans.classDirectories();
	}

}
