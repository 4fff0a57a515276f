package dev.hotreload.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
 * classpath, and running interpreted code; the warm-up pays for that with a few throwaway
 * compilations of one of the application's own source files, whose class files are
 * discarded.
 * <p>
 * It runs on a daemon thread named "hotreload-compiler-warm-up" of the lowest priority,
 * started once the application context is refreshed so that it does not delay the start,
 * and it gives way for good as soon as a real batch has been compiled.
 */
final class CompilerWarmUp {

	private static final Log logger = LogFactory.getLog(CompilerWarmUp.class);

	static final String THREAD_NAME = "hotreload-compiler-warm-up";

	// In a run of one-file compilations on a loaded 2-core machine the first took 2.2 s,
	// the second 0.8 s, the third 0.5 s, and later ones 0.3 to 0.6 s: three pay for
	// almost all of the first save's extra cost, and keep the window short in which a
	// save waits for a warm-up compilation to end.
	static final int COMPILATIONS = 3;

	// A save arriving during the warm-up takes the compiler between two compilations.
	private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

	private static final int MAX_FILES_SEARCHED = 10_000;

	private final SourceChangeCompiler compiler;

	private final List<SourceRoot> roots;

	private final Predicate<String> reloadableClass;

	private @Nullable Thread thread;

	private boolean started;

	private volatile @Nullable SourceFile source;

	private volatile int compilations;

	private volatile boolean finished;

	/**
	 * Create a warm-up; nothing runs until {@link #start()}.
	 * @param compiler the compiler to warm up
	 * @param roots the source roots, one of whose files is compiled
	 * @param reloadableClass tells whether a class name is that of a reloadable bean,
	 * whose source files are preferred
	 */
	CompilerWarmUp(SourceChangeCompiler compiler, List<SourceRoot> roots, Predicate<String> reloadableClass) {
		Assert.notNull(compiler, "'compiler' must not be null");
		Assert.notEmpty(roots, "'roots' must not be empty");
		Assert.notNull(reloadableClass, "'reloadableClass' must not be null");
		this.compiler = compiler;
		this.roots = List.copyOf(roots);
		this.reloadableClass = reloadableClass;
	}

	/**
	 * Start the warm-up thread, once; later calls do nothing.
	 */
	synchronized void start() {
		if (this.started) {
			return;
		}
		this.started = true;
		Thread thread = new Thread(this::warmUp, THREAD_NAME);
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
			SourceFile source = sourceFile().orElse(null);
			this.source = source;
			if (source == null) {
				return;
			}
			while (this.compilations < COMPILATIONS && !Thread.currentThread().isInterrupted()
					&& this.compiler.warmUp(source)) {
				this.compilations++;
				Thread.sleep(TimeUnit.NANOSECONDS.toMillis(PAUSE_NANOS));
			}
			if (logger.isDebugEnabled()) {
				logger.debug("Warmed the compiler up with " + this.compilations + " compilation(s) of "
						+ source.relativeName() + " in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)
						+ " ms");
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
	 * Return the source file compiled to warm up.
	 * @return the file, or {@code null} before the thread picked one or if there is none
	 */
	@Nullable SourceFile source() {
		return this.source;
	}

	/**
	 * Return the number of throwaway compilations done.
	 * @return the compilations
	 */
	int compilations() {
		return this.compilations;
	}

	// A reloadable bean's source, the kind of file a developer saves; else any source.
	private Optional<SourceFile> sourceFile() {
		SourceFile any = null;
		for (SourceRoot root : this.roots) {
			for (Path path : javaFiles(root.directory())) {
				SourceFile source = new SourceFile(root, path);
				if (this.reloadableClass.test(source.className())) {
					return Optional.of(source);
				}
				any = (any != null) ? any : source;
			}
		}
		return Optional.ofNullable(any);
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
