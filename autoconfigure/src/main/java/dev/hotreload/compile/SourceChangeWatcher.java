package dev.hotreload.compile;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import javax.tools.JavaCompiler;

import dev.hotreload.watch.FileWatcher;
import dev.hotreload.watch.QuietPeriods;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.util.Assert;

/**
 * Source mode: watches the source roots while the application context runs and compiles
 * the Java sources that change into their class directories, where the class directory
 * watcher picks the class files up. It starts once the context is refreshed and stops
 * when the context closes. It stays off, saying why in one line, when no source root was
 * found, when the sources are Kotlin, or when the Java runtime has no compiler; class
 * files are reloaded either way. Once the context is refreshed, the compiler warms up in
 * the background (see {@link #setWarmUp(boolean)}).
 */
public final class SourceChangeWatcher implements SmartLifecycle, ApplicationListener<ContextRefreshedEvent> {

	private static final Log logger = LogFactory.getLog(SourceChangeWatcher.class);

	private final CompilationTarget target;

	private final Collection<Path> classDirectories;

	private final List<SourceRoot> roots;

	private final @Nullable ClassLoader classLoader;

	private final QuietPeriods quietPeriods;

	private final Supplier<@Nullable JavaCompiler> compilerSupplier;

	private volatile @Nullable Running running;

	private volatile boolean warmUp = true;

	/**
	 * Create a watcher.
	 * @param target what takes the compiled classes and the compilation failures
	 * @param classDirectories the watched class directories
	 * @param roots the source roots to watch
	 * @param classLoader the application's class loader, whose classpath sources compile
	 * against
	 * @param quietPeriods how long a batch of changed sources waits before it is compiled
	 * @param compilerSupplier supplies the Java compiler, or {@code null} if the runtime
	 * has none
	 */
	public SourceChangeWatcher(CompilationTarget target, Collection<Path> classDirectories, List<SourceRoot> roots,
			@Nullable ClassLoader classLoader, QuietPeriods quietPeriods,
			Supplier<@Nullable JavaCompiler> compilerSupplier) {
		Assert.notNull(target, "'target' must not be null");
		Assert.notNull(classDirectories, "'classDirectories' must not be null");
		Assert.notNull(roots, "'roots' must not be null");
		Assert.notNull(quietPeriods, "'quietPeriods' must not be null");
		Assert.notNull(compilerSupplier, "'compilerSupplier' must not be null");
		this.target = target;
		this.classDirectories = List.copyOf(classDirectories);
		this.roots = List.copyOf(roots);
		this.classLoader = classLoader;
		this.quietPeriods = quietPeriods;
		this.compilerSupplier = compilerSupplier;
	}

	/**
	 * Set whether the compiler warms up in the background once the application context is
	 * refreshed, so that the first save compiles about as fast as later ones.
	 * @param warmUp whether to warm up; {@code true} unless set
	 */
	public void setWarmUp(boolean warmUp) {
		this.warmUp = warmUp;
	}

	/**
	 * Tell whether the compiler warms up in the background once the context is refreshed.
	 * @return whether it warms up
	 */
	public boolean isWarmUp() {
		return this.warmUp;
	}

	/**
	 * Return the watched source roots.
	 * @return the source roots
	 */
	public List<SourceRoot> roots() {
		return this.roots;
	}

	@Override
	public synchronized void start() {
		if (this.running != null) {
			return;
		}
		List<Path> kotlin = KotlinSources.find(this.classDirectories, this.roots);
		if (!kotlin.isEmpty() && KotlinSources.noJava(this.roots)) {
			logger.info("Source mode is off: it compiles Java sources only, and " + kotlin + " hold Kotlin sources; "
					+ "class files that 'mvn compile', Gradle or the IDE writes are still reloaded");
			return;
		}
		if (this.roots.isEmpty()) {
			if (!this.classDirectories.isEmpty()) {
				logger.info("Source mode is off: no source directory was found next to the class directories "
						+ this.classDirectories + "; name them with 'hotreload.source.paths'");
			}
			return;
		}
		JavaCompiler javaCompiler = findCompiler();
		if (javaCompiler == null) {
			logger.info("Source mode is off: this Java runtime has no compiler (a JRE rather than a JDK); "
					+ "changed class files are still reloaded");
			return;
		}
		List<Path> classpath = CompileClasspath.of(this.classLoader,
				this.roots.stream().map(SourceRoot::classDirectory).toList());
		SourceCompiler sourceCompiler = SourceCompilers.acquire(javaCompiler, classpath);
		SourceChangeCompiler compiler = new SourceChangeCompiler(this.roots, sourceCompiler, this.target);
		List<Path> directories = this.roots.stream().map(SourceRoot::directory).toList();
		FileWatcher watcher = new FileWatcher("hotreload-source", directories, this.quietPeriods,
				FileWatcher.DEFAULT_STOP_TIMEOUT, SourceRoot::isClassSource, compiler);
		watcher.start();
		ResourceCopier resources = ResourceCopier.of(this.roots);
		FileWatcher resourceWatcher = null;
		if (!resources.directories().isEmpty()) {
			resourceWatcher = new FileWatcher("hotreload-resources", resources.directories(), this.quietPeriods,
					FileWatcher.DEFAULT_STOP_TIMEOUT, ResourceCopier::isResource, resources);
			resourceWatcher.start();
		}
		this.running = new Running(watcher, resourceWatcher, compiler, sourceCompiler, new CompilerWarmUp(
				compiler::warmUp, this.roots, (source) -> this.target.isBeanClass(source.className())));
		logger.info("Source mode is on: changed Java sources are compiled and reloaded ("
				+ String.join(", ", this.roots.stream().map(SourceChangeWatcher::describe).toList()) + ")"
				+ (resources.directories().isEmpty() ? ""
						: "; resources saved in " + resources.directories() + " are copied into the class directory"));
	}

	@Override
	public synchronized void stop() {
		Running running = this.running;
		if (running != null) {
			running.warmUp().stop();
			running.watcher().stop();
			if (running.resourceWatcher() != null) {
				running.resourceWatcher().stop();
			}
			running.compiler().close();
			SourceCompilers.release(running.sourceCompiler());
			this.running = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running != null;
	}

	/**
	 * Start the compiler's warm-up once the context is refreshed, when the application no
	 * longer needs the processor to start.
	 * @param event the event
	 */
	@Override
	public void onApplicationEvent(ContextRefreshedEvent event) {
		Running running = this.running;
		if (running != null && this.warmUp) {
			running.warmUp().start();
		}
	}

	// A runtime image without the java.compiler module cannot even look for one.
	private @Nullable JavaCompiler findCompiler() {
		try {
			return this.compilerSupplier.get();
		}
		catch (LinkageError ex) {
			return null;
		}
	}

	private static String describe(SourceRoot root) {
		return root.directory() + " -> " + root.classDirectory();
	}

	private record Running(FileWatcher watcher, @Nullable FileWatcher resourceWatcher, SourceChangeCompiler compiler,
			SourceCompiler sourceCompiler, CompilerWarmUp warmUp) {

	}

}
