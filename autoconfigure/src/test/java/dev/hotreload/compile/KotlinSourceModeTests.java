package dev.hotreload.compile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.tools.ToolProvider;

import dev.hotreload.ReloadRecord.Failure;
import dev.hotreload.watch.ChangedFiles;
import dev.hotreload.watch.QuietPeriods;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Source mode compiles Java only: in a Kotlin project it stays off and says so in one
 * line, and that the class files of the build or the IDE are reloaded.
 */
@ExtendWith(OutputCaptureExtension.class)
class KotlinSourceModeTests {

	private static final String KOTLIN = "package demo\n\nclass Greeter {\n    fun greet() = \"hi\"\n}\n";

	@TempDir
	Path temp;

	@Test
	void kotlinSourceDirectoryNextToTheClassDirectorySaysSourceModeCompilesJavaOnly(CapturedOutput output)
			throws Exception {
		Path classes = Files.createDirectories(this.temp.resolve("target/classes"));
		Path kotlin = Files.createDirectories(this.temp.resolve("src/main/kotlin/demo"));
		Files.writeString(kotlin.resolve("Greeter.kt"), KOTLIN);
		SourceChangeWatcher watcher = watcher(classes, List.of());
		watcher.start();
		assertThat(watcher.isRunning()).isFalse();
		assertThat(output)
			.containsOnlyOnce("Source mode is off: it compiles Java sources only, and ["
					+ this.temp.resolve("src/main/kotlin").toAbsolutePath().normalize() + "] hold Kotlin sources; "
					+ "class files that 'mvn compile', Gradle or the IDE writes are still reloaded")
			.doesNotContain("no source directory was found");
	}

	@Test
	void sourceRootWithKotlinFilesOnlySaysSourceModeCompilesJavaOnly(CapturedOutput output) throws Exception {
		Path classes = Files.createDirectories(this.temp.resolve("target/classes"));
		Path sources = Files.createDirectories(this.temp.resolve("src/main/java"));
		Files.createDirectories(sources.resolve("demo"));
		Files.writeString(sources.resolve("demo/Greeter.kt"), KOTLIN);
		SourceChangeWatcher watcher = watcher(classes, List.of(new SourceRoot(sources, classes)));
		watcher.start();
		assertThat(watcher.isRunning()).isFalse();
		assertThat(output).containsOnlyOnce("Source mode is off: it compiles Java sources only, and [" + sources
				+ "] hold Kotlin sources; class files that 'mvn compile', Gradle or the IDE writes are still reloaded");
	}

	@Test
	void sourceRootWithJavaFilesStartsSourceMode(CapturedOutput output) throws Exception {
		Path classes = Files.createDirectories(this.temp.resolve("target/classes"));
		Path sources = Files.createDirectories(this.temp.resolve("src/main/java/demo"));
		Files.writeString(sources.resolve("Greeter.java"), "package demo;\npublic class Greeter {\n}\n");
		Files.createDirectories(this.temp.resolve("src/main/kotlin"));
		SourceChangeWatcher watcher = watcher(classes,
				List.of(new SourceRoot(this.temp.resolve("src/main/java"), classes)));
		watcher.setWarmUp(false);
		try {
			watcher.start();
			assertThat(watcher.isRunning()).isTrue();
			assertThat(output).contains("Source mode is on").doesNotContain("Kotlin");
		}
		finally {
			watcher.stop();
		}
	}

	private static SourceChangeWatcher watcher(Path classes, List<SourceRoot> roots) {
		return new SourceChangeWatcher(new NoTarget(), List.of(classes), roots, null,
				new QuietPeriods(Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofSeconds(5)),
				ToolProvider::getSystemJavaCompiler);
	}

	private static final class NoTarget implements CompilationTarget {

		@Override
		public boolean isBeanClass(String className) {
			return false;
		}

		@Override
		public void classesCompiled(ChangedFiles files) {
		}

		@Override
		public void compilationFailed(String className, List<String> classes, Failure failure) {
		}

	}

}
