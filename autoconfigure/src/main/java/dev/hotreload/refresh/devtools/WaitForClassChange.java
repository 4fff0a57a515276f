package dev.hotreload.refresh.devtools;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import dev.hotreload.ReloadRecord.Trigger;
import dev.hotreload.classloading.ClassPathDirectories;
import dev.hotreload.refresh.RefreshRuntime;
import dev.hotreload.watch.ChangedFiles;
import dev.hotreload.watch.FileWatcher;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.devtools.restart.FailureHandler;
import org.springframework.boot.devtools.restart.Restarter;

/**
 * What a refresh that went through DevTools does when the new context fails to start:
 * DevTools' restart thread keeps the JVM up and waits until a class file of the project
 * changes, then DevTools starts the application again.
 */
public final class WaitForClassChange implements FailureHandler {

	private static final Log logger = LogFactory.getLog(WaitForClassChange.class);

	private static final Duration QUIET_PERIOD = Duration.ofMillis(50);

	@Override
	public Outcome handle(Throwable failure) {
		List<Path> directories = new ArrayList<>();
		URL[] urls = Restarter.getInstance().getInitialUrls();
		if (urls != null) {
			for (URL url : urls) {
				Path path = ClassPathDirectories.toPath(url);
				if (path != null && path.toFile().isDirectory()) {
					directories.add(path);
				}
			}
		}
		if (directories.isEmpty()) {
			return Outcome.ABORT;
		}
		BlockingQueue<ChangedFiles> changes = new LinkedBlockingQueue<>();
		FileWatcher watcher = new FileWatcher("hotreload-refresh", directories, QUIET_PERIOD,
				(path) -> path.toString().endsWith(".class"), changes::add);
		watcher.start();
		logger.warn("The application is down after a failed refresh; the next change of a class file in " + directories
				+ " refreshes again");
		try {
			ChangedFiles changed = changes.take();
			RefreshRuntime.current().begin(Trigger.FILE_CHANGE, List.copyOf(changed.changedClassNames()));
			return Outcome.RETRY;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Outcome.ABORT;
		}
		finally {
			watcher.stop();
		}
	}

}
