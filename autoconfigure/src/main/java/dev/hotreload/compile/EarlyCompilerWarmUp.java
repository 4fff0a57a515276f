package dev.hotreload.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import dev.hotreload.HotReloadable;
import dev.hotreload.activation.HotReloadActivation;
import dev.hotreload.classloading.ClassPathDirectories;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Starts warming the source compiler up as soon as the environment of the application's
 * first start is known, while the application starts on the other core, so that a save
 * made right after the application first answers compiles about as fast as later ones.
 * Once for each classpath in a JVM, and only where source mode will run: hot reload on,
 * source mode and its warm-up not turned off, a Java source directory next to a class
 * directory, and a compiler in the runtime. The compiler it warms is the one source mode
 * then takes ({@link SourceCompilers}).
 */
public final class EarlyCompilerWarmUp implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		if (!wanted(environment)) {
			return;
		}
		ClassLoader classLoader = (event.getSpringApplication().getClassLoader() != null)
				? event.getSpringApplication().getClassLoader() : ClassUtils.getDefaultClassLoader();
		if (classLoader == null) {
			return;
		}
		Binder binder = Binder.get(environment);
		List<Path> classDirectories = List.copyOf(ClassPathDirectories.find(classLoader,
				binder.bind("hotreload.watch.paths", Bindable.listOf(Path.class)).orElse(List.of())));
		List<SourceRoot> roots = SourceRoots.find(classDirectories,
				binder.bind("hotreload.source.paths", Bindable.listOf(Path.class)).orElse(List.of()));
		if (roots.isEmpty() || KotlinSources.noJava(roots)) {
			return;
		}
		JavaCompiler javaCompiler = systemCompiler();
		if (javaCompiler == null) {
			return;
		}
		List<Path> classpath = CompileClasspath.of(classLoader,
				roots.stream().map(SourceRoot::classDirectory).toList());
		SourceCompiler compiler = SourceCompilers.acquire(javaCompiler, classpath);
		if (!compiler.claimWarmUp()) {
			// Warm already, or warming: a refreshed run, or a DevTools restart.
			SourceCompilers.release(compiler);
			return;
		}
		new CompilerWarmUp((source) -> compiler.warmUp(source, CompilerWarmUp.COMPILATIONS), roots,
				EarlyCompilerWarmUp::declaresReloadableBean)
			.start(() -> SourceCompilers.release(compiler));
	}

	private static boolean wanted(ConfigurableEnvironment environment) {
		return HotReloadActivation.of(environment).isOn()
				&& environment.getProperty("hotreload.source.enabled", Boolean.class, true)
				&& environment.getProperty("hotreload.source.warm-up", Boolean.class, true);
	}

	// A runtime image without the java.compiler module cannot even look for one.
	private static @Nullable JavaCompiler systemCompiler() {
		try {
			return ToolProvider.getSystemJavaCompiler();
		}
		catch (LinkageError ex) {
			return null;
		}
	}

	// No bean is known yet: a source that names the annotation is likely a reloadable
	// bean's, the file a developer saves.
	private static boolean declaresReloadableBean(SourceFile source) {
		try {
			return Files.readString(source.path()).contains(HotReloadable.class.getSimpleName());
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	@Override
	public int getOrder() {
		// After Spring Boot has read the configuration, which may turn hot reload on.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
