package dev.hotreload.reload;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Category;
import dev.hotreload.ReloadRecord.Failure;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.ReloadRecord.Trigger;
import dev.hotreload.ReloadRecord.Verdict;
import dev.hotreload.classloading.ClassFiles;
import dev.hotreload.compile.CompilationTarget;
import dev.hotreload.refresh.FullRefresh;
import dev.hotreload.watch.ChangedFile;
import dev.hotreload.watch.ChangedFiles;
import dev.hotreload.watch.FileChangeListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Turns a batch of changed class files into one verdict per class, and applies the batch:
 * the classes of reloadable beans become new generations (each bean once for the whole
 * batch), other loaded classes whose shape is unchanged are redefined in place, classes
 * never loaded are left to their first use, and the rest waits for a full refresh. It
 * takes source mode's results the same way.
 */
public final class ChangeDispatcher implements FileChangeListener, CompilationTarget {

	private static final Log logger = LogFactory.getLog(ChangeDispatcher.class);

	private final ReloadableBeans beans;

	private final BeanReloader reloader;

	private final InPlaceChanges inPlaceChanges;

	// Source mode and the class directory watcher hand over batches from two threads;
	// each batch is decided and applied as a whole before the next.
	private final Object dispatchMonitor = new Object();

	private final @Nullable FullRefresh fullRefresh;

	/**
	 * Create a dispatcher for an application that cannot be refreshed.
	 * @param beans the reloadable beans
	 * @param reloader reloads the beans whose classes changed
	 * @param inPlaceChanges applies the changes of the other classes
	 */
	public ChangeDispatcher(ReloadableBeans beans, BeanReloader reloader, InPlaceChanges inPlaceChanges) {
		this(beans, reloader, inPlaceChanges, null);
	}

	/**
	 * Create a dispatcher.
	 * @param beans the reloadable beans
	 * @param reloader reloads the beans whose classes changed
	 * @param inPlaceChanges applies the changes of the other classes
	 * @param refreshOnUnreloadableChange starts the full refresh that applies a whole
	 * batch when one of its classes needs a refresh (a reloadable bean's whose new
	 * generation cannot run against the running classes included), or {@code null} to
	 * apply what hot reload can and leave the rest pending
	 */
	public ChangeDispatcher(ReloadableBeans beans, BeanReloader reloader, InPlaceChanges inPlaceChanges,
			@Nullable FullRefresh refreshOnUnreloadableChange) {
		Assert.notNull(beans, "'beans' must not be null");
		Assert.notNull(reloader, "'reloader' must not be null");
		Assert.notNull(inPlaceChanges, "'inPlaceChanges' must not be null");
		this.beans = beans;
		this.reloader = reloader;
		this.inPlaceChanges = inPlaceChanges;
		this.fullRefresh = refreshOnUnreloadableChange;
	}

	@Override
	public void onChange(ChangedFiles changes) {
		synchronized (this.dispatchMonitor) {
			dispatch(changes);
		}
	}

	private void dispatch(ChangedFiles changes) {
		List<ChangedFile> otherClasses = new ArrayList<>();
		for (ChangedFile file : changes.files()) {
			String className = file.className();
			// A deleted class file of a bean is decided as any other deletion: it waits
			// on the pending list, and the live generation keeps serving.
			if (className != null && (file.deleted() || this.beans.beanNamesOf(className).isEmpty())) {
				otherClasses.add(file);
			}
		}
		InPlaceChanges.Decision decision = this.inPlaceChanges.decide(otherClasses);
		// A batch that hot reload can apply only in part goes whole to one full refresh,
		// before anything of it is hot-applied, so that no part of it runs stale next to
		// the rest. Without a refresh, the rest is applied and the remainder waits in
		// pendingRefresh, which the linkage check of each new generation consults.
		if (this.fullRefresh != null && decision.needsRefresh()) {
			refresh(this.fullRefresh, changes, String.join(", ", decision.refreshClassNames()), decision.verdicts());
			return;
		}
		this.inPlaceChanges.apply(decision, Trigger.FILE_CHANGE);
		for (ReloadableBean bean : this.beans.all()) {
			Set<String> changed = new TreeSet<>();
			for (String className : changes.changedClassNames()) {
				if (bean.owns(className)) {
					changed.add(className);
				}
			}
			if (!changed.isEmpty() && Files.exists(bean.classFile())) {
				ReloadRecord record = this.reloader.reloadIfChanged(bean, Trigger.FILE_CHANGE, changed);
				// A new generation that cannot run against the running classes (such
				// as one without a method that a plain class calls) is applied by the
				// refresh too, and with it the rest of the batch.
				if (this.fullRefresh != null && record != null && needsRefresh(record)) {
					refresh(this.fullRefresh, changes, bean.className() + " (reloadable bean '" + bean.name() + "')",
							record.verdicts());
					return;
				}
			}
		}
	}

	private static boolean needsRefresh(ReloadRecord record) {
		return record.outcome() == Outcome.FAILED
				&& record.verdicts().stream().anyMatch((verdict) -> verdict.category() == Category.REFRESH);
	}

	private static void refresh(FullRefresh fullRefresh, ChangedFiles changes, String needingRefresh,
			List<Verdict> verdicts) {
		Set<String> classes = new TreeSet<>();
		changes.changedClassNames().forEach((className) -> classes.add(ClassFiles.topLevelClassName(className)));
		logger.info("Changed classes need a full refresh: " + needingRefresh + "; refreshing the application with all "
				+ classes.size() + " changed class(es)");
		fullRefresh.refresh(Trigger.FILE_CHANGE, List.copyOf(classes), verdicts);
	}

	@Override
	public boolean isBeanClass(String className) {
		return !this.beans.beanNamesOf(className).isEmpty();
	}

	@Override
	public void classesCompiled(ChangedFiles files) {
		onChange(files);
	}

	@Override
	public void compilationFailed(String className, List<String> classes, Failure failure) {
		List<String> beanNames = this.beans.beanNamesOf(className);
		if (beanNames.isEmpty()) {
			this.reloader.recordFailure(null, Trigger.FILE_CHANGE, classes, failure);
			return;
		}
		for (String beanName : beanNames) {
			this.reloader.recordFailure(this.beans.get(beanName), Trigger.FILE_CHANGE, classes, failure);
		}
	}

}
