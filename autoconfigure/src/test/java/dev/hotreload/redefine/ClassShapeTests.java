package dev.hotreload.redefine;

import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.hotreload.testsupport.ReloadableClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The shape comparison agrees with the JVM: each edit below is compiled, compared with
 * the first version, and then really redefined, which the JVM accepts exactly when the
 * shape is unchanged.
 */
class ClassShapeTests {

	private static final String FIRST = """
			package demo;
			public class Shape implements java.io.Serializable {
				public static final String PREFIX = "a";
				private String name = "n";
				public String name() { return PREFIX + name; }
				@Deprecated public int size(int x) { return x; }
			}
			""";

	private static ClassRedefiner redefiner;

	@BeforeAll
	static void attach() {
		Instrumentation instrumentation = new InstrumentationAccess(true).instrumentation();
		assertThat(instrumentation).isNotNull();
		redefiner = new ClassRedefiner(instrumentation);
	}

	static List<Arguments> edits() {
		return List.of(Arguments.of("method body", FIRST.replace("x; }", "x * 2; }"), List.of()),
				Arguments.of("constant", FIRST.replace("\"a\"", "\"b\""), List.of()),
				Arguments.of("annotation", FIRST.replace("@Deprecated ", ""), List.of()),
				Arguments.of("new method", FIRST.replace("@Deprecated", "public String full() { return name; } "),
						List.of("method full() added")),
				Arguments.of("removed method", FIRST.replace("@Deprecated public int size(int x) { return x; }", ""),
						List.of("method size(int) removed")),
				Arguments.of("new field", FIRST.replace("private String name", "private int age; private String name"),
						List.of("field age added")),
				Arguments.of("field type", FIRST.replace("private String name = \"n\"", "private Object name = \"n\""),
						List.of("type of field name changed to java.lang.Object")),
				Arguments.of("method modifiers", FIRST.replace("public String name()", "protected String name()"),
						List.of("modifiers of method name() changed")),
				Arguments.of("parameter type",
						FIRST.replace("int size(int x)", "int size(long x)").replace("x; }", "1; }"),
						List.of("method size(long) added", "method size(int) removed")),
				Arguments.of("return type", FIRST.replace("public int size", "public long size"),
						List.of("method size(int) changed its return type")),
				Arguments.of("interface", FIRST.replace(" implements java.io.Serializable", ""),
						List.of("interfaces changed to []")),
				Arguments.of("lambda in a body",
						FIRST.replace("return x; }",
								"java.util.function.IntUnaryOperator f = (y) -> y + 1; return f.applyAsInt(x); }"),
						List.of("method lambda$size$0(int) added")),
				Arguments.of("nested class", FIRST.replace("@Deprecated", "static class Part { } @Deprecated"),
						List.of("nested classes changed (demo.Shape$Part added)")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("edits")
	void shapeComparisonAgreesWithTheJvm(String edit, String source, List<String> differences, @TempDir Path temp)
			throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Shape", FIRST);
			Class<?> live = classes.load("demo.Shape");
			byte[] before = Files.readAllBytes(classes.classFile("demo.Shape"));
			classes.compile("demo.Shape", source);
			byte[] after = Files.readAllBytes(classes.classFile("demo.Shape"));
			assertThat(ClassShape.read(before).differencesTo(ClassShape.read(after)))
				.containsExactlyElementsOf(differences);
			RedefinitionPlan plan = redefiner.plan(classes.directory(), Map.of("demo.Shape", after));
			assertThat(plan.entries()).singleElement()
				.satisfies((entry) -> assertThat(entry.differences()).containsExactlyElementsOf(differences));
			if (differences.isEmpty()) {
				assertThatNoException().isThrownBy(() -> redefiner.redefine(Map.of(live, after)));
			}
			else {
				assertThatExceptionOfType(UnsupportedOperationException.class)
					.isThrownBy(() -> redefiner.redefine(Map.of(live, after)));
			}
		}
	}

}
