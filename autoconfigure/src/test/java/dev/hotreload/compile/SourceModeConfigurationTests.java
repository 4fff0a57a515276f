package dev.hotreload.compile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.tools.ToolProvider;

import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.reload.ChangeDispatcher;
import dev.hotreload.reload.HotReloadEngine;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import dev.hotreload.testsupport.SourceProject;
import dev.hotreload.watch.QuietPeriods;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * When source mode runs, where it finds the sources, and how it stays off.
 */
@ExtendWith(OutputCaptureExtension.class)
class SourceModeConfigurationTests {

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	private static final String GREETER_V1 = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Greeter {
				public String greet() { return "v1"; }
			}
			""";

	private static final String GREETER_V2 = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Greeter {
				public String greet() { return "v2"; }
			}
			""";

	@Test
	void watchesTheSourceDirectoryNextToTheClassDirectory(@TempDir Path temp, CapturedOutput output) throws Exception {
		try (SourceProject project = new SourceProject(temp).build("demo.Config", CONFIG, "demo.Greeter", GREETER_V1)) {
			Reloads.sourceRunner(project, "demo.Config").run((context) -> {
				SourceChangeWatcher watcher = context.getBean(SourceChangeWatcher.class);
				assertThat(watcher.isRunning()).isTrue();
				assertThat(watcher.roots())
					.contains(new SourceRoot(project.sourceDirectory(), project.classDirectory()));
				assertThat(output).contains("Source mode is on")
					.contains(project.sourceDirectory() + " -> " + project.classDirectory());
			});
		}
	}

	@Test
	void extraSourcePathCompilesIntoTheClassDirectoryOfItsModule(@TempDir Path temp) throws Exception {
		try (SourceProject project = new SourceProject(temp).build("demo.Config", CONFIG, "demo.Greeter", GREETER_V1)) {
			Path extra = Files.createDirectories(temp.toRealPath().resolve("extra/java"));
			Path greeter = Files.createDirectories(extra.resolve("demo")).resolve("Greeter.java");
			Files.move(project.sourceFile("demo.Greeter"), greeter);
			Reloads.sourceRunner(project, "demo.Config")
				.withPropertyValues("hotreload.source.paths=" + extra)
				.run((context) -> {
					assertThat(context.getBean(SourceChangeWatcher.class).roots())
						.contains(new SourceRoot(extra, project.classDirectory()));
					Files.writeString(greeter, GREETER_V2);
					ReloadRecord record = Reloads.awaitRecords(context, 1);
					assertThat(record.outcome()).isEqualTo(Outcome.RELOADED);
					assertThat(call(context.getBean("greeter"), "greet")).isEqualTo("v2");
				});
		}
	}

	@Test
	void disabledByProperty(@TempDir Path temp) throws Exception {
		try (SourceProject project = new SourceProject(temp).build("demo.Config", CONFIG, "demo.Greeter", GREETER_V1)) {
			Reloads.sourceRunner(project, "demo.Config")
				.withPropertyValues("hotreload.source.enabled=false")
				.run((context) -> {
					assertThat(context).hasSingleBean(HotReloadEngine.class);
					assertThat(context).doesNotHaveBean(SourceChangeWatcher.class);
				});
		}
	}

	@Test
	void offWhenHotReloadIsOff(@TempDir Path temp) throws Exception {
		try (SourceProject project = new SourceProject(temp).build("demo.Config", CONFIG, "demo.Greeter", GREETER_V1)) {
			Reloads.sourceRunner(project, "demo.Config")
				.withPropertyValues("hotreload.enabled=false")
				.run((context) -> {
					assertThat(context).doesNotHaveBean(HotReloadEngine.class);
					assertThat(context).doesNotHaveBean(SourceChangeWatcher.class);
				});
		}
	}

	@Test
	void withoutCompilerSourceModeIsOffAndClassChangesStillReload(@TempDir Path temp, CapturedOutput output)
			throws Exception {
		try (SourceProject project = new SourceProject(temp).build("demo.Config", CONFIG, "demo.Greeter", GREETER_V1)) {
			Reloads.sourceRunner(project, "demo.Config")
				.withPropertyValues("hotreload.source.enabled=false")
				.run((context) -> {
					ChangeDispatcher dispatcher = context.getBean(ChangeDispatcher.class);
					SourceChangeWatcher watcher = new SourceChangeWatcher(dispatcher, List.of(project.classDirectory()),
							List.of(new SourceRoot(project.sourceDirectory(), project.classDirectory())),
							project.classLoader(),
							new QuietPeriods(Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofSeconds(5)),
							() -> null);
					watcher.start();
					assertThat(watcher.isRunning()).isFalse();
					assertThat(output).containsOnlyOnce(
							"Source mode is off: this Java runtime has no compiler (a JRE rather than a JDK); "
									+ "changed class files are still reloaded");
					project.compileIntoClasses("demo.Greeter", GREETER_V2);
					assertThat(Reloads.awaitRecords(context, 1).outcome()).isEqualTo(Outcome.RELOADED);
					assertThat(call(context.getBean("greeter"), "greet")).isEqualTo("v2");
				});
		}
	}

	@Test
	void withoutSourceRootSourceModeSaysWhyItIsOff(@TempDir Path temp, CapturedOutput output) throws Exception {
		try (SourceProject project = new SourceProject(temp).build("demo.Config", CONFIG, "demo.Greeter", GREETER_V1)) {
			Reloads.sourceRunner(project, "demo.Config")
				.withPropertyValues("hotreload.source.enabled=false")
				.run((context) -> {
					SourceChangeWatcher watcher = new SourceChangeWatcher(context.getBean(ChangeDispatcher.class),
							List.of(project.classDirectory()), List.of(), project.classLoader(),
							new QuietPeriods(Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofSeconds(5)),
							ToolProvider::getSystemJavaCompiler);
					watcher.start();
					assertThat(watcher.isRunning()).isFalse();
					assertThat(output)
						.contains(
								"Source mode is off: no source directory was found next to the " + "class directories")
						.contains("name them with 'hotreload.source.paths'");
				});
		}
	}

}
