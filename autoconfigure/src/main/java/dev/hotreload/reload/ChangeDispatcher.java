package dev.hotreload.reload;

import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.hotreload.ReloadRecord.Failure;
import dev.hotreload.ReloadRecord.Trigger;
import dev.hotreload.classloading.ClassFiles;
import dev.hotreload.compile.CompilationTarget;
import dev.hotreload.watch.ChangedFile;
import dev.hotreload.watch.ChangedFiles;
import dev.hotreload.watch.FileChangeListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.Assert;

/**
 * Turns a batch of changed class files into reload requests: each reloadable bean whose
 * classes changed is reloaded once for the whole batch, and the changed classes that
 * belong to no reloadable bean wait for a full refresh. It takes source mode's results
 * the same way.
 */
public final class ChangeDispatcher implements FileChangeListener, CompilationTarget {

	private static final Log logger = LogFactory.getLog(ChangeDispatcher.class);

	static final String NOT_A_BEAN_CLASS = "not the class of a reloadable bean";

	private final ReloadableBeans beans;

	private final BeanReloader reloader;

	private final PendingRefresh pendingRefresh;

	/**
	 * Create a dispatcher.
	 * @param beans the reloadable beans
	 * @param reloader reloads the beans whose classes changed
	 * @param pendingRefresh where the classes that hot reload cannot apply go
	 */
	public ChangeDispatcher(ReloadableBeans beans, BeanReloader reloader, PendingRefresh pendingRefresh) {
		Assert.notNull(beans, "'beans' must not be null");
		Assert.notNull(reloader, "'reloader' must not be null");
		Assert.notNull(pendingRefresh, "'pendingRefresh' must not be null");
		this.beans = beans;
		this.reloader = reloader;
		this.pendingRefresh = pendingRefresh;
	}

	@Override
	public void onChange(ChangedFiles changes) {
		Set<String> unclaimed = new TreeSet<>(changes.changedClassNames());
		for (ReloadableBean bean : this.beans.all()) {
			Set<String> changed = new TreeSet<>();
			for (String className : changes.changedClassNames()) {
				if (bean.owns(className)) {
					changed.add(className);
					unclaimed.remove(className);
				}
			}
			if (!changed.isEmpty() && Files.exists(bean.classFile())) {
				this.reloader.reloadIfChanged(bean, Trigger.FILE_CHANGE, changed);
			}
		}
		for (ChangedFile file : changes.files()) {
			String className = file.className();
			if (file.deleted() && className != null && !this.beans.beanNamesOf(className).isEmpty()) {
				logger.info("Class file " + file.relativeName() + " was deleted; the live generation keeps serving");
			}
		}
		if (!unclaimed.isEmpty()) {
			Set<String> topLevel = new TreeSet<>();
			unclaimed.forEach((className) -> topLevel.add(ClassFiles.topLevelClassName(className)));
			topLevel.forEach((className) -> this.pendingRefresh.add(className, NOT_A_BEAN_CLASS));
			logger.info("Changed classes are not hot-reloadable: " + String.join(", ", topLevel)
					+ "; a full refresh is needed to use them");
		}
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
