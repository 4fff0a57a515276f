package dev.hotreload.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Warms the source compiler up in the background, so that the first save a developer
 * makes is compiled about as fast as later ones. A cold compiler spends its first
 * compilation loading the compiler's own classes, opening and indexing the jars of the
 * classpath, and running interpreted code, and the next few still run mostly interpreted;
 * the warm-up pays for that with a dozen throwaway compilations of up to four reloadable
 * beans' source files in turn (of any one source file if no bean's is found), whose class
 * files are discarded.
 * <p>
 * It runs on a daemon thread named "hotreload-compiler-warm-up" of the lowest priority,
 * started once the application context is refreshed so that it does not delay the start,
 * and it gives way for good as soon as a real batch has been compiled.
 */
final class CompilerWarmUp {

	private static final Log logger = LogFactory.getLog(CompilerWarmUp.class);

	static final String THREAD_NAME = "hotreload-compiler-warm-up";

	// javac runs interpreted at first: in a fresh JVM on a 2-core machine, one-file
	// compilations of a sample bean against 113 jars took 616, 91, 80, 87, 102, 92, 65,
	// 65, 65, 47 ms, then 29 to 52 ms from the eleventh on, once the JIT had compiled
	// the compiler's hot paths. Twelve throwaway compilations (1.6 s in the sample app,
	// 2.3 s in petclinic, at the lowest priority, after the start) bring the first save
	// close to a warm one (1.3 to 1.6 times in the benchmark).
	static final int COMPILATIONS = 12;

	// A save arriving during the warm-up takes the compiler between two compilations.
	private static final Duration PAUSE = Duration.ofMillis(20);

	private static final int MAX_FILES_SEARCHED = 10_000;

	private static final int MAX_SOURCES = 4;

	private final Predicate<SourceFile> throwawayCompilation;

	private final List<SourceRoot> roots;

	private final Predicate<SourceFile> preferred;

	private @Nullable Thread thread;

	private boolean started;

	private volatile List<SourceFile> sources = List.of();

	private volatile int compilations;

	private volatile boolean finished;

	/**
	 * Create a warm-up; nothing runs until {@link #start()}.
	 * @param throwawayCompilation compiles a source file and throws the result away,
	 * telling whether warming up is still of use
	 * @param roots the source roots, one of whose files is compiled
	 * @param preferred tells whether a source file is one a developer is likely to save,
	 * such as a reloadable bean's, which are compiled rather than others
	 */
	CompilerWarmUp(Predicate<SourceFile> throwawayCompilation, List<SourceRoot> roots,
			Predicate<SourceFile> preferred) {
		Assert.notNull(throwawayCompilation, "'throwawayCompilation' must not be null");
		Assert.notEmpty(roots, "'roots' must not be empty");
		Assert.notNull(preferred, "'preferred' must not be null");
		this.throwawayCompilation = throwawayCompilation;
		this.roots = List.copyOf(roots);
		this.preferred = preferred;
	}

	/**
	 * Start the warm-up thread, once; later calls do nothing.
	 */
	void start() {
		start(() -> {
		});
	}

	/**
	 * Start the warm-up thread, once; later calls do nothing.
	 * @param whenDone run on the warm-up thread once it ends, however it ends
	 */
	synchronized void start(Runnable whenDone) {
		if (this.started) {
			return;
		}
		this.started = true;
		Thread thread = new Thread(() -> {
			try {
				warmUp();
			}
			finally {
				whenDone.run();
			}
		}, THREAD_NAME);
		thread.setDaemon(true);
		thread.setPriority(Thread.MIN_PRIORITY);
		this.thread = thread;
		thread.start();
	}

	/**
	 * Stop the warm-up: no compilation starts after this call.
	 */
	synchronized void stop() {
		Thread thread = this.thread;
		if (thread != null) {
			thread.interrupt();
			this.thread = null;
		}
	}

	private void warmUp() {
		long start = System.nanoTime();
		try {
			List<SourceFile> sources = sourceFiles();
			this.sources = sources;
			if (sources.isEmpty()) {
				return;
			}
			while (this.compilations < COMPILATIONS && !Thread.currentThread().isInterrupted()
					&& this.throwawayCompilation.test(sources.get(this.compilations % sources.size()))) {
				this.compilations++;
				Thread.sleep(PAUSE.toMillis());
			}
			if (logger.isDebugEnabled()) {
				logger.debug("Warmed the compiler up with " + this.compilations + " compilation(s) of "
						+ sources.stream().map(SourceFile::relativeName).toList() + " in "
						+ TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			// Only the first save is slower without it
			logger.debug("Compiler warm-up failed", ex);
		}
		finally {
			this.finished = true;
		}
	}

	/**
	 * Tell whether the warm-up thread has ended.
	 * @return whether it ran and ended
	 */
	boolean isFinished() {
		return this.finished;
	}

	/**
	 * Return the source files compiled in turn to warm up.
	 * @return the files, empty before the thread picked them or if there is none
	 */
	List<SourceFile> sources() {
		return this.sources;
	}

	/**
	 * Return the number of throwaway compilations done.
	 * @return the compilations
	 */
	int compilations() {
		return this.compilations;
	}

	// Reloadable beans' sources, the files a developer saves; else any source. Taking
	// several in turn warms up more of javac's paths (records, lambdas, annotations)
	// and reads the class files that the next save is likely to need.
	private List<SourceFile> sourceFiles() {
		List<SourceFile> beans = new ArrayList<>();
		SourceFile any = null;
		for (SourceRoot root : this.roots) {
			for (Path path : javaFiles(root.directory())) {
				SourceFile source = new SourceFile(root, path);
				if (this.preferred.test(source)) {
					beans.add(source);
					if (beans.size() == MAX_SOURCES) {
						return beans;
					}
				}
				any = (any != null) ? any : source;
			}
		}
		return (!beans.isEmpty() || any == null) ? beans : List.of(any);
	}

	private static List<Path> javaFiles(Path directory) {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(directory)) {
			return files.limit(MAX_FILES_SEARCHED)
				.filter((path) -> SourceRoot.isClassSource(path) && Files.isRegularFile(path))
				.sorted(Comparator.naturalOrder())
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
