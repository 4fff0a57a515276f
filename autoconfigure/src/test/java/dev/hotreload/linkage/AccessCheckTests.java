package dev.hotreload.linkage;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.hotreload.classloading.ClassFiles;
import dev.hotreload.testsupport.ReloadableClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access check on real compiled classes: what a new generation, in a runtime package
 * of its own, cannot reach of the application's classes is named member by member.
 */
class AccessCheckTests {

	private static final String BASE = """
			package demo;
			public class Base {
				protected String inherited() { return "base"; }
			}
			""";

	private static final String OWNER = """
			package demo;
			public class Owner {
				String nickname = "JC";
				Owner() { }
				public Owner(String name) { }
				String text() { return "text"; }
				protected String guarded() { return "guarded"; }
				public String name() { return "name"; }
			}
			""";

	private static final String HIDDEN = """
			package demo;
			class Hidden {
				public static String value() { return "hidden"; }
			}
			""";

	@Test
	void publicMembersAndProtectedMembersOfASuperclassPass(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Base", BASE, "demo.Owner", OWNER, "demo.Controller", """
					package demo;
					public class Controller extends Base {
						public String show() { return new Owner("x").name() + inherited() + helper().get(); }
						private java.util.function.Supplier<String> helper() { return () -> inherited(); }
					}
					""");
			AccessCheck check = new AccessCheck(classes.classLoader());
			assertThat(check.checkReferences("Controller generation 2", classFiles(classes, "demo.Controller")))
				.isEmpty();
		}
	}

	@Test
	void packagePrivateClassMembersAndForeignProtectedMemberAreEachNamed(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Owner", OWNER, "demo.Hidden", HIDDEN, "demo.Controller", """
					package demo;
					public class Controller {
						public String show() {
							Owner owner = new Owner();
							return owner.text() + owner.nickname + owner.guarded() + Hidden.value() + owner.name();
						}
					}
					""");
			AccessCheck check = new AccessCheck(classes.classLoader());
			String remedy = ", and a new generation runs in a runtime package of its own: make it public or reload "
					+ "the application with a refresh";
			assertThat(check.checkReferences("Controller generation 3", classFiles(classes, "demo.Controller")))
				.extracting(LinkageProblem::message)
				.containsExactly(
						"Controller generation 3 calls constructor demo.Owner(), which is package-private" + remedy,
						"Controller generation 3 calls demo.Owner.text(), which is package-private" + remedy,
						"Controller generation 3 uses field demo.Owner.nickname, which is package-private" + remedy,
						"Controller generation 3 calls demo.Owner.guarded(), which is protected and demo.Controller "
								+ "does not extend demo.Owner" + remedy,
						"Controller generation 3 uses class demo.Hidden, which is package-private" + remedy);
		}
	}

	private static Map<String, byte[]> classFiles(ReloadableClasses classes, String className) throws IOException {
		ClassFiles files = ClassFiles.read(classes.directory(), className, Duration.ZERO);
		Map<String, byte[]> result = new LinkedHashMap<>();
		files.classNames().forEach((name) -> result.put(name, files.bytes(name)));
		return result;
	}

}
