package dev.hotreload.compile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.tools.ToolProvider;

import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.autoconfigure.HotReloadProperties;
import dev.hotreload.reload.ChangeDispatcher;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import dev.hotreload.testsupport.SourceProject;
import dev.hotreload.watch.ChangedFile;
import dev.hotreload.watch.ChangedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The compiler's background warm-up: throwaway compilations of a reloadable bean's source
 * that change nothing in the application, and that give way to a real save.
 */
class CompilerWarmUpTests {

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	private static final String GREETER = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Greeter {
				public String greet() { return "%s"; }
			}
			""";

	private static final String WELCOME = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Welcome {
				public String text() { return "welcome"; }
			}
			""";

	// Sorts before demo/Greeter.java, so that picking the bean's source is a choice.
	private static final String HELPER = """
			package demo;
			public class Banner {
				public static String text() { return "banner"; }
			}
			""";

	@Test
	void compilesTheBeansSourcesInTurnAndChangesNothing(@TempDir Path temp) throws Exception {
		try (SourceProject project = new SourceProject(temp).build("demo.Config", CONFIG, "demo.Banner", HELPER,
				"demo.Greeter", GREETER.formatted("v1"), "demo.Welcome", WELCOME)) {
			Reloads.sourceRunner(project, "demo.Config")
				.withPropertyValues("hotreload.source.warm-up=false")
				.run((context) -> {
					ChangeDispatcher dispatcher = context.getBean(ChangeDispatcher.class);
					byte[] welcomeClass = project.classBytes("demo.Welcome");
					byte[] greeterClass = project.classBytes("demo.Greeter");
					List<SourceRoot> roots = List
						.of(new SourceRoot(project.sourceDirectory(), project.classDirectory()));
					try (SourceChangeCompiler compiler = compiler(project, roots, dispatcher)) {
						CompilerWarmUp warmUp = new CompilerWarmUp(compiler::warmUp, roots,
								(source) -> dispatcher.isBeanClass(source.className()));
						warmUp.start();
						await().atMost(Duration.ofMinutes(2)).until(warmUp::isFinished);
						assertThat(warmUp.sources()).containsExactly(
								new SourceFile(roots.get(0), project.sourceFile("demo.Greeter")),
								new SourceFile(roots.get(0), project.sourceFile("demo.Welcome")));
						assertThat(warmUp.compilations()).isEqualTo(CompilerWarmUp.COMPILATIONS);
					}
					assertThat(project.classBytes("demo.Greeter")).isEqualTo(greeterClass);
					assertThat(project.classBytes("demo.Welcome")).isEqualTo(welcomeClass);
					assertThat(context.getBean(HotReloader.class).history()).isEmpty();
					assertThat(call(context.getBean("greeter"), "greet")).isEqualTo("v1");
				});
		}
	}

	@Test
	void givesWayOnceARealBatchIsCompiled(@TempDir Path temp) throws Exception {
		try (SourceProject project = new SourceProject(temp).build("demo.Config", CONFIG, "demo.Greeter",
				GREETER.formatted("v1"))) {
			Reloads.sourceRunner(project, "demo.Config")
				.withPropertyValues("hotreload.source.warm-up=false")
				.run((context) -> {
					ChangeDispatcher dispatcher = context.getBean(ChangeDispatcher.class);
					List<SourceRoot> roots = List
						.of(new SourceRoot(project.sourceDirectory(), project.classDirectory()));
					try (SourceChangeCompiler compiler = compiler(project, roots, dispatcher)) {
						SourceFile greeter = new SourceFile(roots.get(0), project.sourceFile("demo.Greeter"));
						assertThat(compiler.warmUp(greeter)).isTrue();
						project.save("demo.Greeter", GREETER.formatted("v2"));
						compiler.onChange(new ChangedFiles(
								List.of(new ChangedFile(project.sourceDirectory(), greeter.path(), false))));
						assertThat(Reloads.awaitRecords(context, 1).outcome()).isEqualTo(Outcome.RELOADED);
						assertThat(compiler.warmUp(greeter)).isFalse();
					}
					assertThat(call(context.getBean("greeter"), "greet")).isEqualTo("v2");
				});
		}
	}

	@Test
	void isOnUnlessTurnedOff(@TempDir Path temp) throws Exception {
		assertThat(new HotReloadProperties().getSource().isWarmUp()).isTrue();
		try (SourceProject project = new SourceProject(temp).build("demo.Config", CONFIG, "demo.Greeter",
				GREETER.formatted("v1"))) {
			Reloads.sourceRunner(project, "demo.Config")
				.withPropertyValues("hotreload.source.warm-up=true")
				.run((context) -> assertThat(context.getBean(SourceChangeWatcher.class).isWarmUp()).isTrue());
			Reloads.sourceRunner(project, "demo.Config")
				.withPropertyValues("hotreload.source.warm-up=false")
				.run((context) -> assertThat(context.getBean(SourceChangeWatcher.class).isWarmUp()).isFalse());
		}
	}

	private static SourceChangeCompiler compiler(SourceProject project, List<SourceRoot> roots,
			CompilationTarget target) {
		SourceCompiler compiler = new SourceCompiler(ToolProvider.getSystemJavaCompiler(),
				CompileClasspath.of(project.classLoader(), List.of(project.classDirectory())));
		return new SourceChangeCompiler(roots, compiler, target);
	}

}
