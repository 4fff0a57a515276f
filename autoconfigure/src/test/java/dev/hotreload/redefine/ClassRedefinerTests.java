package dev.hotreload.redefine;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.hotreload.classloading.ClassFiles;
import dev.hotreload.classloading.GenerationClassLoader;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.UnverifiableClassFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Redefinition of real compiled classes in the test's own JVM, through an instrumentation
 * obtained by attaching to it.
 */
class ClassRedefinerTests {

	private static final String HELPER = """
			package demo;
			public class Helper {
				private int calls;
				public String message() { calls++; return "%s " + calls; }
			}
			""";

	private static ClassRedefiner redefiner;

	@BeforeAll
	static void attach() {
		Instrumentation instrumentation = new InstrumentationAccess(true).instrumentation();
		assertThat(instrumentation).isNotNull();
		redefiner = new ClassRedefiner(instrumentation);
	}

	@Test
	void bodyChangeIsRedefinedInPlaceKeepingIdentityAndState(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Helper", HELPER.formatted("v1"));
			Class<?> helperClass = classes.load("demo.Helper");
			Object helper = helperClass.getConstructor().newInstance();
			assertThat(call(helper)).isEqualTo("v1 1");
			classes.compile("demo.Helper", HELPER.formatted("v2"));
			RedefinitionPlan plan = redefiner.plan(classes.directory(), changed(classes, "demo.Helper"));
			assertThat(plan.redefinable()).singleElement().satisfies((entry) -> {
				assertThat(entry.className()).isEqualTo("demo.Helper");
				assertThat(entry.liveClasses()).containsExactly(helperClass);
			});
			assertThat(redefiner.apply(plan)).containsExactly("demo.Helper");
			assertThat(call(helper)).isEqualTo("v2 2");
			assertThat(classes.load("demo.Helper")).isSameAs(helperClass);
		}
	}

	@Test
	void classesOfGenerationLoadersAreRedefinedToo(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Helper", HELPER.formatted("v1"));
			Class<?> original = classes.load("demo.Helper");
			GenerationClassLoader generationLoader = new GenerationClassLoader("test #2",
					ClassFiles.read(classes.directory(), "demo.Helper", Duration.ZERO), classes.classLoader(),
					original.getProtectionDomain());
			Class<?> generation = Class.forName("demo.Helper", true, generationLoader);
			assertThat(generation).isNotSameAs(original);
			Object first = original.getConstructor().newInstance();
			Object second = generation.getConstructor().newInstance();
			classes.compile("demo.Helper", HELPER.formatted("v2"));
			RedefinitionPlan plan = redefiner.plan(classes.directory(), changed(classes, "demo.Helper"));
			assertThat(plan.redefinable()).singleElement()
				.satisfies((entry) -> assertThat(entry.liveClasses()).containsExactlyInAnyOrder(original, generation));
			redefiner.apply(plan);
			assertThat(call(first)).isEqualTo("v2 1");
			assertThat(call(second)).isEqualTo("v2 1");
		}
	}

	@Test
	void classNeverLoadedIsLeftToItsFirstUse(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Helper", HELPER.formatted("v1"));
			RedefinitionPlan plan = redefiner.plan(classes.directory(), changed(classes, "demo.Helper"));
			assertThat(plan.notLoaded()).extracting(RedefinitionPlan.Entry::className).containsExactly("demo.Helper");
			assertThat(plan.redefinable()).isEmpty();
			assertThat(plan.shapeChanged()).isEmpty();
		}
	}

	@Test
	void classOfAnotherDirectoryWithTheSameNameIsLeftAlone(@TempDir Path temp) throws Exception {
		try (ReloadableClasses first = new ReloadableClasses(temp.resolve("first"));
				ReloadableClasses second = new ReloadableClasses(temp.resolve("second"))) {
			first.compile("demo.Helper", HELPER.formatted("first"));
			second.compile("demo.Helper", HELPER.formatted("second"));
			Object other = first.load("demo.Helper").getConstructor().newInstance();
			RedefinitionPlan plan = redefiner.plan(second.directory(), changed(second, "demo.Helper"));
			assertThat(plan.notLoaded()).hasSize(1);
			redefiner.apply(plan);
			assertThat(call(other)).isEqualTo("first 1");
		}
	}

	@Test
	void refusedRedefinitionLeavesTheOldClass(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Helper", HELPER.formatted("v1"));
			Object helper = classes.load("demo.Helper").getConstructor().newInstance();
			byte[] unverifiable = UnverifiableClassFiles
				.returningIntAsObject(Files.readAllBytes(classes.classFile("demo.Helper")), "message");
			RedefinitionPlan plan = redefiner.plan(classes.directory(), Map.of("demo.Helper", unverifiable));
			assertThat(plan.redefinable()).hasSize(1);
			assertThatExceptionOfType(VerifyError.class).isThrownBy(() -> redefiner.apply(plan));
			assertThat(call(helper)).isEqualTo("v1 1");
		}
	}

	static Map<String, byte[]> changed(ReloadableClasses classes, String className) throws IOException {
		return Map.of(className, Files.readAllBytes(classes.classFile(className)));
	}

	static Object call(Object helper) throws ReflectiveOperationException {
		Method method = helper.getClass().getMethod("message");
		return method.invoke(helper);
	}

}
