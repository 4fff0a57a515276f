package dev.hotreload.linkage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hotreload.classloading.ClassFiles;
import dev.hotreload.classloading.GenerationClassLoader;
import dev.hotreload.testsupport.ReloadableClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The linkage check on real compiled classes: a new generation that uses what the running
 * classes do not have is named member by member.
 */
class LinkageCheckTests {

	private static final String OWNER_V1 = """
			package demo;
			public class Owner {
				public String firstName = "Jean";
				public String lastName = "Coleman";
				public Owner() { }
				public String getLastName() { return lastName; }
			}
			""";

	private static final String OWNER_V2 = """
			package demo;
			public class Owner {
				public String firstName = "Jean";
				public String lastName = "Coleman";
				public String nickname = "JC";
				public Owner() { }
				public Owner(String lastName) { this.lastName = lastName; }
				public String getLastName() { return lastName; }
				public String getFullName() { return firstName + " " + lastName; }
			}
			""";

	private static final String CONTROLLER = """
			package demo;
			import java.util.List;
			import java.util.Map;
			import java.util.stream.Collectors;
			public class OwnerController {
				private final Map<String, Owner> owners = new java.util.HashMap<>();
				public String show(Owner owner) { %s }
				public String all() {
					return owners.values().stream().map(Owner::getLastName).map((name) -> name.toUpperCase())
						.collect(Collectors.joining(", ")) + List.of(new Owner()).size() + new Owner[0].length;
				}
				class Helper {
					String help(Owner owner) { return owner.firstName; }
				}
			}
			""";

	@Test
	void generationUsingOnlyWhatRunsPasses(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Owner", OWNER_V1, "demo.OwnerController",
					CONTROLLER.formatted("return owner.getLastName() + owner.firstName;"));
			classes.load("demo.Owner");
			LinkageCheck check = new LinkageCheck(classes.classLoader());
			assertThat(check.checkReferences("OwnerController generation 2",
					classFiles(classes, "demo.OwnerController"), Map.of()))
				.isEmpty();
		}
	}

	@Test
	void callOfAMethodTheRunningClassDoesNotHaveIsNamedWithTheReason(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Owner", OWNER_V1);
			classes.load("demo.Owner");
			classes.compile("demo.Owner", OWNER_V2, "demo.OwnerController",
					CONTROLLER.formatted("return owner.getFullName();"));
			LinkageCheck check = new LinkageCheck(classes.classLoader());
			List<LinkageProblem> problems = check.checkReferences("OwnerController generation 14",
					classFiles(classes, "demo.OwnerController"), Map.of("demo.Owner", "Owner changed shape"));
			assertThat(problems).extracting(LinkageProblem::message)
				.containsExactly("OwnerController generation 14 calls Owner.getFullName(), which the running Owner "
						+ "does not have: Owner changed shape");
			assertThat(problems).singleElement().satisfies((problem) -> {
				assertThat(problem.owner()).isEqualTo("demo.Owner");
				assertThat(problem.member()).isEqualTo("Owner.getFullName()");
			});
		}
	}

	@Test
	void missingConstructorFieldAndMethodReferenceAreEachNamed(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Owner", OWNER_V1);
			classes.load("demo.Owner");
			classes.compile("demo.Owner", OWNER_V2, "demo.OwnerController", CONTROLLER.formatted(
					"java.util.function.Function<Owner, String> f = Owner::getFullName; return new Owner(\"x\").nickname + f.apply(owner);"));
			LinkageCheck check = new LinkageCheck(classes.classLoader());
			assertThat(check.checkReferences("OwnerController generation 3",
					classFiles(classes, "demo.OwnerController"), Map.of()))
				.extracting(LinkageProblem::message)
				.containsExactly(
						"OwnerController generation 3 calls Owner.getFullName(), which the running Owner does not have",
						"OwnerController generation 3 calls constructor Owner(String), which the running Owner does not have",
						"OwnerController generation 3 uses field Owner.nickname, which the running Owner does not have");
		}
	}

	@Test
	void classThatDoesNotExistIsNamed(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Owner", OWNER_V1, "demo.Formatter",
					"package demo; public class Formatter { public static String format(Owner o) { return o.lastName; } }",
					"demo.OwnerController", CONTROLLER.formatted("return Formatter.format(owner);"));
			Files.delete(classes.classFile("demo.Formatter"));
			LinkageCheck check = new LinkageCheck(classes.classLoader());
			assertThat(check.checkReferences("OwnerController generation 2",
					classFiles(classes, "demo.OwnerController"), Map.of("demo.Formatter", "Formatter was deleted")))
				.extracting(LinkageProblem::message)
				.containsExactly("OwnerController generation 2 uses class demo.Formatter, which the running "
						+ "application does not have: Formatter was deleted");
		}
	}

	@Test
	void newClassThatWasNeverLoadedIsFoundOnDisk(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Owner", OWNER_V1, "demo.Formatter",
					"package demo; public class Formatter { public static String format(Owner o) { return o.lastName; } }",
					"demo.OwnerController", CONTROLLER.formatted("return Formatter.format(owner);"));
			LinkageCheck check = new LinkageCheck(classes.classLoader());
			assertThat(check.checkReferences("OwnerController generation 2",
					classFiles(classes, "demo.OwnerController"), Map.of()))
				.isEmpty();
		}
	}

	@Test
	void methodsReachedThroughTheProxyMustRemain(@TempDir Path temp) throws Exception {
		String first = """
				package demo;
				public class VetController {
					public String showVetList(java.util.Map<String, Object> model) { return "vets"; }
					public String showResourcesVetList() { return "json"; }
					protected int count() { return 1; }
					private void helper() { }
					public static String util() { return ""; }
				}
				""";
		String second = """
				package demo;
				public class VetController {
					public String showVetList(java.util.Map<String, Object> model, int size) { return "vets"; }
					public Object showResourcesVetList() { return "json"; }
					protected int count() { return 2; }
					public String added() { return ""; }
				}
				""";
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.VetController", first);
			Class<?> original = classes.load("demo.VetController");
			assertThat(LinkageCheck.checkProxiedMethods("VetController generation 2", original,
					generation(classes, original)))
				.isEmpty();
			classes.compile("demo.VetController", second);
			assertThat(LinkageCheck.checkProxiedMethods("VetController generation 2", original,
					generation(classes, original)))
				.extracting(LinkageProblem::message)
				.containsExactlyInAnyOrder(
						"VetController generation 2 no longer has VetController.showVetList(Map), which callers reach "
								+ "through the bean's proxy: it was removed or its parameters changed",
						"VetController generation 2 changed the return type of VetController.showResourcesVetList() "
								+ "from java.lang.String to java.lang.Object, which callers reach through the bean's proxy");
		}
	}

	private static Class<?> generation(ReloadableClasses classes, Class<?> original) throws Exception {
		GenerationClassLoader loader = new GenerationClassLoader("test",
				ClassFiles.read(classes.directory(), original.getName(), Duration.ZERO), classes.classLoader(),
				original.getProtectionDomain());
		return Class.forName(original.getName(), false, loader);
	}

	private static Map<String, byte[]> classFiles(ReloadableClasses classes, String className) throws IOException {
		ClassFiles files = ClassFiles.read(classes.directory(), className, Duration.ZERO);
		Map<String, byte[]> result = new LinkedHashMap<>();
		files.classNames().forEach((name) -> result.put(name, files.bytes(name)));
		assertThat(result).containsKey(className + "$Helper");
		return result;
	}

}
