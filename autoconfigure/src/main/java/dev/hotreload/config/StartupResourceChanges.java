package dev.hotreload.config;

import java.util.List;

import dev.hotreload.ReloadRecord.Category;
import dev.hotreload.ReloadRecord.Trigger;
import dev.hotreload.ReloadRecord.Verdict;
import dev.hotreload.refresh.FullRefresh;
import dev.hotreload.refresh.PendingRefresh;
import dev.hotreload.watch.ChangedFile;
import dev.hotreload.watch.ChangedFiles;
import dev.hotreload.watch.FileChangeListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Sends a changed, added or deleted file that Spring reads once, at startup, to one full
 * refresh: {@code META-INF/spring.factories} and the files under {@code META-INF/spring/}
 * (such as the {@code AutoConfiguration.imports} that lists auto-configurations). Without
 * a refresh, each waits for the next one.
 */
public final class StartupResourceChanges implements FileChangeListener {

	private static final Log logger = LogFactory.getLog(StartupResourceChanges.class);

	private final PendingRefresh pendingRefresh;

	private final @Nullable FullRefresh refresh;

	/**
	 * Create the listener.
	 * @param pendingRefresh where a file goes that waits for a refresh
	 * @param refresh the full refresh that applies a file, or {@code null} to leave it
	 * pending
	 */
	public StartupResourceChanges(PendingRefresh pendingRefresh, @Nullable FullRefresh refresh) {
		Assert.notNull(pendingRefresh, "'pendingRefresh' must not be null");
		this.pendingRefresh = pendingRefresh;
		this.refresh = refresh;
	}

	@Override
	public void onChange(ChangedFiles changes) {
		List<ChangedFile> files = changes.files()
			.stream()
			.filter((file) -> WatchedFiles.isStartupResource(file.relativeName()))
			.toList();
		if (files.isEmpty()) {
			return;
		}
		List<String> names = files.stream().map(ChangedFile::relativeName).distinct().sorted().toList();
		List<Verdict> verdicts = files.stream()
			.map((file) -> new Verdict(file.relativeName(), Category.REFRESH, reason(file)))
			.distinct()
			.toList();
		if (this.refresh != null) {
			logger.info("Changed " + names + " need a full refresh: Spring reads them once, at startup");
			this.refresh.refresh(Trigger.FILE_CHANGE, names, verdicts);
		}
		else {
			verdicts.forEach((verdict) -> this.pendingRefresh.add(verdict.className(), verdict.reason()));
			logger.warn("Changed " + names + " need a full refresh: Spring reads them once, at startup");
		}
	}

	private static String reason(ChangedFile file) {
		String what = file.relativeName().replace('\\', '/').endsWith("spring.factories")
				? "spring.factories registers listeners, initializers and post-processors"
				: "META-INF/spring/ registers auto-configurations and the like";
		return (file.deleted() ? "deleted: " : "changed: ") + what + ", which Spring Boot reads once, at startup";
	}

}
