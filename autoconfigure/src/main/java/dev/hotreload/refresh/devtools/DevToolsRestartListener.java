package dev.hotreload.refresh.devtools;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.hotreload.ReloadRecord.Trigger;
import dev.hotreload.refresh.RefreshRuntime;

import org.springframework.boot.devtools.classpath.ClassPathChangedEvent;
import org.springframework.boot.devtools.filewatch.ChangedFile;
import org.springframework.boot.devtools.filewatch.ChangedFiles;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * Takes note of a restart that DevTools is about to run for changed files, so that the
 * closing context hands its state over and the restart is recorded as a refresh. It runs
 * before DevTools' own listener, which starts the restart.
 */
public final class DevToolsRestartListener implements ApplicationListener<ClassPathChangedEvent>, Ordered {

	private final RefreshRuntime runtime;

	/**
	 * Create a listener.
	 * @param runtime what outlives the context
	 */
	public DevToolsRestartListener(RefreshRuntime runtime) {
		Assert.notNull(runtime, "'runtime' must not be null");
		this.runtime = runtime;
	}

	@Override
	public void onApplicationEvent(ClassPathChangedEvent event) {
		if (!event.isRestartRequired()) {
			return;
		}
		Set<String> classes = new TreeSet<>();
		for (ChangedFiles files : event.getChangeSet()) {
			for (ChangedFile file : files) {
				String name = file.getRelativeName();
				if (name.endsWith(".class")) {
					classes.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
				}
			}
		}
		this.runtime.begin(Trigger.FILE_CHANGE, List.copyOf(classes));
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
