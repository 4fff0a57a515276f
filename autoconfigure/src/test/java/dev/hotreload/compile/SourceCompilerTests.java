package dev.hotreload.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.tools.ToolProvider;

import dev.hotreload.testsupport.TestCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SourceCompiler}, with the JDK's compiler over real directories.
 */
class SourceCompilerTests {

	private static final String GREETER = """
			package demo;
			public class Greeter {
				public String greet() { return "hello"; }
			}
			""";

	private static final String GREETER_WITH_NAME = """
			package demo;
			public class Greeter {
				public String greet(String name) { return "hello " + name; }
				static class Helper { }
			}
			""";

	private static final String GREETER_CHECK = """
			package demo;
			class GreeterCheck {
				String check() { return new Greeter().greet("test"); }
			}
			""";

	@Test
	void batchOverTwoSourceRootsWritesEachClassToTheClassDirectoryOfItsRoot(@TempDir Path temp) throws IOException {
		SourceRoot main = root(temp, "src/main/java", "target/classes");
		SourceRoot test = root(temp, "src/test/java", "target/test-classes");
		TestCompiler.compile(main.classDirectory(), Map.of("demo.Greeter", GREETER));
		SourceFile greeter = save(main, "demo/Greeter.java", GREETER_WITH_NAME);
		SourceFile check = save(test, "demo/GreeterCheck.java", GREETER_CHECK);
		try (SourceCompiler compiler = new SourceCompiler(ToolProvider.getSystemJavaCompiler(),
				CompileClasspath.of(null, List.of(main.classDirectory(), test.classDirectory())))) {
			CompilationResult result = compiler.compile(List.of(greeter, check));
			assertThat(result.succeeded()).isTrue();
			assertThat(result.errors()).isEmpty();
			assertThat(result.classes()).extracting(CompiledClass::target)
				.containsExactlyInAnyOrder(main.classDirectory().resolve("demo/Greeter.class"),
						main.classDirectory().resolve("demo/Greeter$Helper.class"),
						test.classDirectory().resolve("demo/GreeterCheck.class"));
			assertThat(Files.exists(test.classDirectory().resolve("demo/GreeterCheck.class"))).isFalse();
		}
	}

	@Test
	void failedBatchHasErrorsAndNoClasses(@TempDir Path temp) throws IOException {
		SourceRoot main = root(temp, "src/main/java", "target/classes");
		TestCompiler.compile(main.classDirectory(), Map.of("demo.Greeter", GREETER));
		SourceFile check = save(main, "demo/GreeterCheck.java", GREETER_CHECK);
		try (SourceCompiler compiler = new SourceCompiler(ToolProvider.getSystemJavaCompiler(),
				CompileClasspath.of(null, List.of(main.classDirectory())))) {
			CompilationResult result = compiler.compile(List.of(check));
			assertThat(result.succeeded()).isFalse();
			assertThat(result.classes()).isEmpty();
			assertThat(result.errors()).singleElement().satisfies((error) -> {
				assertThat(error.source()).isEqualTo(check);
				assertThat(error.file()).isEqualTo("demo/GreeterCheck.java");
				assertThat(error.line()).isEqualTo(3);
				// javac points at the dot of the call.
				assertThat(error.column()).isEqualTo(GREETER_CHECK.lines().toList().get(2).indexOf(".greet") + 1);
				assertThat(error.message()).startsWith("method greet in class demo.Greeter cannot be applied");
				assertThat(error.toSingleLine()).isEqualTo("demo/GreeterCheck.java:3:" + error.column()
						+ ": method greet in class demo.Greeter cannot be applied to given types;");
			});
		}
	}

	private static SourceRoot root(Path temp, String sources, String classes) throws IOException {
		return new SourceRoot(Files.createDirectories(temp.resolve(sources)),
				Files.createDirectories(temp.resolve(classes)));
	}

	private static SourceFile save(SourceRoot root, String relativeName, String source) throws IOException {
		Path file = root.directory().resolve(relativeName);
		Files.createDirectories(file.getParent());
		Files.writeString(file, source);
		return new SourceFile(root, file);
	}

}
