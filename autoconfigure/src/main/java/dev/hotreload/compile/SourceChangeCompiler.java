package dev.hotreload.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hotreload.watch.ChangedFile;
import dev.hotreload.watch.ChangedFiles;
import dev.hotreload.watch.FileChangeListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Compiles each batch of changed source files and writes the class files into the class
 * directories, where the class directory watcher finds them and the engine reloads what
 * changed. A batch that does not compile writes nothing and is reported; its files are
 * compiled again with the next batch, so that an edit saved together with a typo
 * elsewhere is not lost once the typo is fixed; so is a batch whose class files cannot be
 * written, with a record too. A deleted source file is only logged: its class files stay,
 * and the running code with them. An empty source file (an editor's truncate before its
 * write) is not compiled and is logged as a warning.
 */
public final class SourceChangeCompiler implements FileChangeListener, AutoCloseable {

	private static final Log logger = LogFactory.getLog(SourceChangeCompiler.class);

	private final List<SourceRoot> roots;

	private final SourceCompiler compiler;

	private final CompilationFailureReporter reporter;

	private final CompilationTarget target;

	private final Map<Path, SourceFile> notCompiled = new LinkedHashMap<>();

	private boolean closed;

	/**
	 * Create a compiler of changed sources.
	 * @param roots the watched source roots
	 * @param compiler the compiler
	 * @param target what takes the compiled classes and the compilation failures
	 */
	public SourceChangeCompiler(List<SourceRoot> roots, SourceCompiler compiler, CompilationTarget target) {
		Assert.notEmpty(roots, "'roots' must not be empty");
		Assert.notNull(compiler, "'compiler' must not be null");
		Assert.notNull(target, "'target' must not be null");
		this.roots = List.copyOf(roots);
		this.compiler = compiler;
		this.reporter = new CompilationFailureReporter(target);
		this.target = target;
	}

	/**
	 * Compile a batch of changed source files, together with those of earlier batches
	 * that did not compile.
	 * @param changes the changed source files
	 */
	@Override
	public synchronized void onChange(ChangedFiles changes) {
		if (this.closed) {
			return;
		}
		Map<Path, SourceFile> batch = new LinkedHashMap<>();
		for (ChangedFile file : changes.files()) {
			SourceFile source = sourceFile(file);
			if (source == null) {
				continue;
			}
			if (file.deleted()) {
				this.notCompiled.remove(source.path());
				logger.info("Source file " + source.relativeName() + " was deleted; its class files stay, and the "
						+ "running code with them, until a full refresh");
			}
			else if (isEmpty(source)) {
				this.notCompiled.remove(source.path());
				logger.warn("Source file " + source.relativeName() + " was saved empty (0 bytes); it is not compiled "
						+ "and the previous code keeps serving");
			}
			else {
				batch.put(source.path(), source);
			}
		}
		this.notCompiled.forEach((path, source) -> {
			if (Files.isRegularFile(path) && !isEmpty(source)) {
				batch.putIfAbsent(path, source);
			}
		});
		if (batch.isEmpty()) {
			return;
		}
		compile(List.copyOf(batch.values()));
	}

	/**
	 * Compile a source file and throw the class files away, to warm the compiler up.
	 * @param source the source file
	 * @return whether warming up is still of use: {@code false} once a real batch has
	 * been compiled or the compiler is closed
	 */
	synchronized boolean warmUp(SourceFile source) {
		if (this.closed) {
			return false;
		}
		return this.compiler.warmUp(source, CompilerWarmUp.COMPILATIONS);
	}

	private void compile(List<SourceFile> sources) {
		CompilationResult result = this.compiler.compile(sources);
		this.notCompiled.clear();
		if (!result.succeeded()) {
			sources.forEach((source) -> this.notCompiled.put(source.path(), source));
			this.reporter.report(result);
			return;
		}
		try {
			ClassFileInstaller.install(result.classes());
			if (logger.isDebugEnabled()) {
				logger.debug("Compiled " + names(sources) + " in " + result.durationMillis() + " ms into "
						+ result.classes().size() + " class file(s)");
			}
		}
		catch (IOException ex) {
			sources.forEach((source) -> this.notCompiled.put(source.path(), source));
			logger.warn("Cannot write the class files compiled from " + names(sources)
					+ "; they are compiled again with the next change", ex);
			this.reporter.report(new CompilationResult(sources, List.of(),
					List.of(new CompilationError(null, "", 0, 0,
							"Cannot write the compiled class files into the class directory: " + ex)),
					result.durationMillis()));
			return;
		}
		handOver(result.classes());
	}

	// Hand the compiled class files to the engine at once instead of waiting for the
	// class watcher's quiet period, all of them, so that classes saved together are
	// decided together (an entity's new method and the controller that calls it). When
	// the watcher sees them, their bytes are those already handled and nothing happens
	// twice.
	private void handOver(List<CompiledClass> classes) {
		List<ChangedFile> compiled = classes.stream()
			.map((compiledClass) -> new ChangedFile(compiledClass.classDirectory(), compiledClass.target(), false))
			.toList();
		if (!compiled.isEmpty()) {
			this.target.classesCompiled(new ChangedFiles(compiled));
		}
	}

	/**
	 * Stop compiling once the batch being compiled, if any, is done; later batches are
	 * ignored. The source compiler stays open: whoever made it closes it, since it may
	 * outlive this context (see {@link SourceCompilers}).
	 */
	@Override
	public synchronized void close() {
		this.closed = true;
	}

	// An editor that truncates a file before writing it shows up as an empty save.
	private static boolean isEmpty(SourceFile source) {
		try {
			return Files.size(source.path()) == 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static List<String> names(List<SourceFile> sources) {
		return sources.stream().map(SourceFile::relativeName).toList();
	}

	private @Nullable SourceFile sourceFile(ChangedFile file) {
		if (!SourceRoot.isClassSource(file.path())) {
			return null;
		}
		for (SourceRoot root : this.roots) {
			if (root.directory().equals(file.root()) && root.contains(file.path())) {
				return new SourceFile(root, file.path());
			}
		}
		for (SourceRoot root : this.roots) {
			if (root.contains(file.path())) {
				return new SourceFile(root, file.path());
			}
		}
		return null;
	}

}
