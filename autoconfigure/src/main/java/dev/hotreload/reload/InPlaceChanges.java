package dev.hotreload.reload;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Category;
import dev.hotreload.ReloadRecord.Failure;
import dev.hotreload.ReloadRecord.Trigger;
import dev.hotreload.ReloadRecord.Verdict;
import dev.hotreload.classloading.ClassFileVersion;
import dev.hotreload.classloading.DefinedClassBytes;
import dev.hotreload.history.ReloadRecorder;
import dev.hotreload.linkage.LinkageCheck;
import dev.hotreload.linkage.LinkageProblem;
import dev.hotreload.redefine.ClassRedefiner;
import dev.hotreload.redefine.ClassShape;
import dev.hotreload.redefine.InstrumentationAccess;
import dev.hotreload.redefine.RedefinitionPlan;
import dev.hotreload.redefine.RunningMethods;
import dev.hotreload.refresh.PendingRefresh;
import dev.hotreload.watch.ChangedFile;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;
import org.springframework.util.DigestUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Decides and applies the changes of classes that belong to no reloadable bean: a loaded
 * class whose shape is unchanged is redefined in place unless the change is to code that
 * runs only at startup (a {@code @Bean} method, say), a class never loaded is left to its
 * first use, and anything else waits for a full refresh. The redefinitions of one batch
 * are applied together, as one record.
 */
public final class InPlaceChanges {

	private static final Log logger = LogFactory.getLog(InPlaceChanges.class);

	static final String DELETED_BUT_LOADED = "class file deleted; the loaded class keeps running until the next "
			+ "refresh, which runs without it";

	static final String NO_INSTRUMENTATION = "cannot be redefined in place: no instrumentation (see the log at startup)";

	private final InstrumentationAccess instrumentationAccess;

	private final ReloadRecorder recorder;

	private final PendingRefresh pendingRefresh;

	private final Duration readPatience;

	private final SimpleMetadataReaderFactory metadataReaders;

	private final @Nullable ClassLoader applicationClassLoader;

	// The bytes last decided on per class, so that the same class file arriving twice
	// (from source mode, then from the class directory watcher) is decided once.
	private final Map<String, String> handledDigests = new ConcurrentHashMap<>();

	// The bytes each class was last redefined to: with the bytes its loader defined it
	// from, what runs now.
	private final Map<String, String> redefinedDigests = new ConcurrentHashMap<>();

	/**
	 * Create the applier of in-place changes.
	 * @param instrumentationAccess where the instrumentation comes from
	 * @param recorder where the records go
	 * @param pendingRefresh where the classes that only a refresh can apply go
	 * @param readPatience how long a class file that is still being written is read again
	 * @param applicationClassLoader the application's class loader, to tell bean classes
	 */
	public InPlaceChanges(InstrumentationAccess instrumentationAccess, ReloadRecorder recorder,
			PendingRefresh pendingRefresh, Duration readPatience, @Nullable ClassLoader applicationClassLoader) {
		Assert.notNull(instrumentationAccess, "'instrumentationAccess' must not be null");
		Assert.notNull(recorder, "'recorder' must not be null");
		Assert.notNull(pendingRefresh, "'pendingRefresh' must not be null");
		Assert.notNull(readPatience, "'readPatience' must not be null");
		this.instrumentationAccess = instrumentationAccess;
		this.recorder = recorder;
		this.pendingRefresh = pendingRefresh;
		this.readPatience = readPatience;
		this.metadataReaders = new SimpleMetadataReaderFactory(applicationClassLoader);
		this.applicationClassLoader = applicationClassLoader;
	}

	/**
	 * Decide what to do with changed class files that belong to no reloadable bean.
	 * @param files the changed (or deleted) class files
	 * @return the decision, applied by {@link #apply}
	 */
	Decision decide(List<ChangedFile> files) {
		Decision decision = new Decision();
		Map<Path, Map<String, byte[]>> changedByRoot = new LinkedHashMap<>();
		Map<Path, List<String>> deletedByRoot = new LinkedHashMap<>();
		for (ChangedFile file : files) {
			String className = file.className();
			if (className == null) {
				continue;
			}
			if (file.deleted()) {
				this.handledDigests.remove(className);
				deletedByRoot.computeIfAbsent(file.root(), (root) -> new ArrayList<>()).add(className);
				continue;
			}
			byte[] bytes;
			try {
				bytes = read(file.path(), file.relativeName());
			}
			catch (IOException | IllegalArgumentException ex) {
				decision.unreadable.put(className, new Failure(ClassFormatError.class.getSimpleName(),
						String.valueOf(ex.getMessage()), List.of()));
				continue;
			}
			catch (UnsupportedClassVersionError ex) {
				decision.unreadable.put(className, Failure.of(ex));
				continue;
			}
			String digest = DigestUtils.md5DigestAsHex(bytes);
			String handled = this.handledDigests.put(className, digest);
			if (digest.equals(handled)) {
				continue;
			}
			if (digest.equals(runningDigest(className))) {
				// Back to what runs (a build rewrote it as it was, or an edit was
				// undone):
				// nothing to apply, and nothing waits for a refresh any more.
				if (handled != null) {
					this.pendingRefresh.remove(className);
				}
				continue;
			}
			changedByRoot.computeIfAbsent(file.root(), (root) -> new TreeMap<>()).put(className, bytes);
		}
		if (changedByRoot.isEmpty() && deletedByRoot.isEmpty()) {
			return decision;
		}
		Instrumentation instrumentation = this.instrumentationAccess.instrumentation();
		if (instrumentation == null) {
			changedByRoot.values()
				.forEach((changed) -> changed.keySet()
					.forEach(
							(className) -> decision.add(new Verdict(className, Category.REFRESH, NO_INSTRUMENTATION))));
			deletedByRoot.values()
				.forEach((deleted) -> deleted.forEach((className) -> decision
					.addDeletion(new Verdict(className, Category.REFRESH, DELETED_BUT_LOADED))));
			return decision;
		}
		// Earlier runs' classes may still be loaded after a full refresh: only this
		// run's count, or a body edit after a refresh would be judged by an old shape.
		ClassRedefiner redefiner = new ClassRedefiner(instrumentation, this.applicationClassLoader);
		changedByRoot.forEach((root, changed) -> decideChanged(redefiner, root, changed, decision));
		checkLinkage(decision);
		deletedByRoot.forEach((root, deleted) -> {
			Set<String> live = redefiner.liveClasses(root, deleted).keySet();
			for (String className : deleted) {
				if (live.contains(className)) {
					decision.addDeletion(new Verdict(className, Category.REFRESH, DELETED_BUT_LOADED));
				}
				else {
					decision.add(new Verdict(className, Category.LOAD_ON_USE, "deleted; it was never loaded"));
				}
			}
		});
		return decision;
	}

	private @Nullable String runningDigest(String className) {
		String redefined = this.redefinedDigests.get(className);
		if (redefined != null) {
			return redefined;
		}
		byte[] defined = (this.applicationClassLoader instanceof DefinedClassBytes loader)
				? loader.definedBytes(className) : null;
		return (defined != null) ? DigestUtils.md5DigestAsHex(defined) : null;
	}

	private @Nullable String definitionFailure(String className) {
		return (this.applicationClassLoader instanceof DefinedClassBytes loader) ? loader.definitionFailure(className)
				: null;
	}

	private void decideChanged(ClassRedefiner redefiner, Path root, Map<String, byte[]> changed, Decision decision) {
		RedefinitionPlan plan;
		try {
			plan = redefiner.plan(root, changed);
		}
		catch (UnmodifiableClassException | RuntimeException ex) {
			changed.keySet()
				.forEach((className) -> decision.add(new Verdict(className, Category.REFRESH,
						"cannot be read back from the JVM to compare its shape: " + ex.getMessage())));
			return;
		}
		for (RedefinitionPlan.Entry entry : plan.entries()) {
			if (entry.redefinable() && !entry.startupChanges().isEmpty()) {
				// Redefined, the class would take the change and never run it.
				decision
					.add(new Verdict(entry.className(), Category.REFRESH, String.join("; ", entry.startupChanges())));
			}
			else if (entry.redefinable()) {
				decision.redefinitions.add(entry);
				decision.add(new Verdict(entry.className(), Category.REDEFINE, "shape unchanged"));
			}
			else if (!entry.differences().isEmpty()) {
				decision.add(new Verdict(entry.className(), Category.REFRESH,
						"changed shape: " + String.join(", ", entry.differences())));
			}
			else if (isComponent(entry.classFile())) {
				decision.add(new Verdict(entry.className(), Category.REFRESH,
						"a bean class the context has not created: only a refresh registers it"));
			}
			else if (definitionFailure(entry.className()) != null) {
				// The JVM keeps the failure for each class that used it: only classes
				// loaded anew see the new file.
				decision.add(new Verdict(entry.className(), Category.REFRESH, "failed to load earlier ("
						+ definitionFailure(entry.className()) + "); the classes that used it keep that failure"));
			}
			else {
				decision.add(new Verdict(entry.className(), Category.LOAD_ON_USE,
						"not loaded yet: its new class file is used when it is first loaded"));
			}
		}
	}

	// A new method body that uses a member which does not run (a method added to an
	// entity whose change waits for a refresh, say) would fail when it runs: such a
	// class waits for the refresh too. Redefinitions change no shape, so one pass is
	// enough.
	private void checkLinkage(Decision decision) {
		Map<String, String> notApplied = new HashMap<>();
		this.pendingRefresh.classes()
			.forEach((pending) -> notApplied.put(pending.className(),
					simpleName(pending.className()) + " " + pending.reason()));
		decision.of(Category.REFRESH)
			.forEach((verdict) -> notApplied.put(verdict.className(),
					simpleName(verdict.className()) + " " + verdict.reason()));
		for (RedefinitionPlan.Entry entry : List.copyOf(decision.redefinitions)) {
			ClassLoader loader = entry.liveClasses().get(0).getClassLoader();
			if (loader == null) {
				continue;
			}
			List<String> problems = new LinkageCheck(loader)
				.checkReferences(simpleName(entry.className()) + "'s new version",
						Map.of(entry.className(), entry.classFile()), notApplied)
				.stream()
				.map(LinkageProblem::message)
				.toList();
			if (!problems.isEmpty()) {
				decision.redefinitions.remove(entry);
				decision.replace(new Verdict(entry.className(), Category.REFRESH, String.join("; ", problems)));
			}
		}
	}

	private static String simpleName(String className) {
		return className.substring(className.lastIndexOf('.') + 1);
	}

	private boolean isComponent(byte[] classFile) {
		try {
			AnnotationMetadata metadata = this.metadataReaders.getMetadataReader(new ByteArrayResource(classFile))
				.getAnnotationMetadata();
			return metadata.hasAnnotation(Component.class.getName())
					|| metadata.hasMetaAnnotation(Component.class.getName());
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	/**
	 * Apply a decision: redefine its classes in place, as one record, and put what needs
	 * a refresh on the pending list with one WARN line.
	 * @param decision the decision
	 * @param trigger what noticed the change
	 */
	void apply(Decision decision, Trigger trigger) {
		decision.unreadable.forEach((className, failure) -> {
			ReloadRecord record = ReloadRecord.failed(Instant.now(), null, trigger, List.of(className), 0, 0, failure);
			this.recorder.failedBeforeReload(record);
		});
		List<Verdict> loadOnUse = decision.of(Category.LOAD_ON_USE);
		loadOnUse.forEach((verdict) -> this.pendingRefresh.remove(verdict.className()));
		if (!loadOnUse.isEmpty()) {
			logger.info("Changed classes that were never loaded: " + names(loadOnUse)
					+ "; their new class files are used when they are first loaded");
		}
		List<Verdict> refresh = decision.of(Category.REFRESH);
		if (!refresh.isEmpty()) {
			refresh.forEach((verdict) -> this.pendingRefresh.add(verdict.className(), verdict.reason()));
			logger.warn("Changed classes need a full refresh, and the previous code keeps serving: " + refresh.stream()
				.map((verdict) -> verdict.className() + " (" + verdict.reason() + ")")
				.collect(Collectors.joining(", ")));
		}
		redefine(decision, trigger);
	}

	private void redefine(Decision decision, Trigger trigger) {
		if (decision.redefinitions.isEmpty()) {
			return;
		}
		Instrumentation instrumentation = this.instrumentationAccess.instrumentation();
		Assert.state(instrumentation != null, "Redefinitions are decided only with an instrumentation");
		List<Verdict> verdicts = decision.of(Category.REDEFINE);
		List<String> classes = verdicts.stream().map(Verdict::className).toList();
		Instant timestamp = decision.timestamp;
		long start = decision.startNanos;
		try {
			new ClassRedefiner(instrumentation, this.applicationClassLoader)
				.apply(new RedefinitionPlan(decision.redefinitions));
			// Spring's caches may hold the annotations and methods of the old versions.
			ReflectionUtils.clearCache();
			AnnotationUtils.clearCache();
			classes.forEach(this.pendingRefresh::remove);
			decision.redefinitions.forEach((entry) -> this.redefinedDigests.put(entry.className(),
					DigestUtils.md5DigestAsHex(entry.classFile())));
			List<String> running = RunningMethods.notes(classes);
			ReloadRecord record = ReloadRecord.redefined(timestamp, trigger, classes, millisSince(start), verdicts)
				.withNotes(running);
			this.recorder.redefined(record);
		}
		catch (Exception | LinkageError ex) {
			// The JVM applies all definitions or none, so the old classes keep running.
			classes.forEach(this.handledDigests::remove);
			Failure failure = refusal(ex, classes);
			ReloadRecord record = ReloadRecord.failed(timestamp, null, trigger, classes, 0, millisSince(start), failure)
				.withVerdicts(verdicts);
			this.recorder.redefinitionFailed(record);
		}
	}

	// The JVM says why it refuses a change of shape, but not what its verifier found.
	private static Failure refusal(Throwable ex, List<String> classes) {
		if (ex instanceof VerifyError && ex.getMessage() == null) {
			return new Failure(VerifyError.class.getSimpleName(), "the JVM's verifier rejected the new class file of "
					+ String.join(", ", classes) + " (run with -Xlog:verification to see why)", List.of());
		}
		return Failure.of(ex);
	}

	// A compiler or an IDE may still be writing the file: read it again until it parses.
	// A file compiled for a newer Java is whole, and fails at once.
	private byte[] read(Path file, String fileName) throws IOException {
		long deadline = System.nanoTime() + this.readPatience.toNanos();
		while (true) {
			try {
				byte[] bytes = Files.readAllBytes(file);
				ClassFileVersion.check(fileName, bytes);
				ClassShape.read(bytes);
				return bytes;
			}
			catch (NoSuchFileException ex) {
				throw ex;
			}
			catch (IOException | RuntimeException ex) {
				if (System.nanoTime() >= deadline) {
					throw new IllegalArgumentException("Truncated or corrupt class file " + file + ": " + ex, ex);
				}
				try {
					Thread.sleep(5);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw new IOException("Interrupted while reading " + file, interrupted);
				}
			}
		}
	}

	private static String names(List<Verdict> verdicts) {
		return verdicts.stream().map(Verdict::className).collect(Collectors.joining(", "));
	}

	private static double millisSince(long start) {
		return Math.round((System.nanoTime() - start) / 10_000.0) / 100.0;
	}

	/**
	 * The verdicts of one batch's classes that belong to no reloadable bean, and the
	 * redefinitions they call for.
	 */
	static final class Decision {

		private final List<Verdict> verdicts = new ArrayList<>();

		private final List<RedefinitionPlan.Entry> redefinitions = new ArrayList<>();

		private final Map<String, Failure> unreadable = new TreeMap<>();

		private final Set<String> deletions = new TreeSet<>();

		private final Instant timestamp = Instant.now();

		// The comparison of shapes is part of the time a redefinition takes.
		private final long startNanos = System.nanoTime();

		void add(Verdict verdict) {
			this.verdicts.add(verdict);
		}

		// A class file that stays deleted does not start a refresh by itself: a build
		// that failed after deleting its output would refresh into an application
		// without its classes. It waits on the pending list, for the next refresh.
		void addDeletion(Verdict verdict) {
			this.verdicts.add(verdict);
			this.deletions.add(verdict.className());
		}

		void replace(Verdict verdict) {
			this.verdicts
				.replaceAll((existing) -> existing.className().equals(verdict.className()) ? verdict : existing);
		}

		List<Verdict> verdicts() {
			return List.copyOf(this.verdicts);
		}

		List<Verdict> of(Category category) {
			return this.verdicts.stream().filter((verdict) -> verdict.category() == category).toList();
		}

		/**
		 * Tell whether the batch needs a full refresh: a class that only a refresh can
		 * apply, other than a deleted class file.
		 * @return whether a refresh is needed
		 */
		boolean needsRefresh() {
			return !refreshClassNames().isEmpty();
		}

		List<String> refreshClassNames() {
			return of(Category.REFRESH).stream()
				.map(Verdict::className)
				.filter((className) -> !this.deletions.contains(className))
				.toList();
		}

	}

}
