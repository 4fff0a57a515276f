package dev.hotreload.classloading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.time.Duration;

import dev.hotreload.testsupport.ReloadableClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Unit tests of {@link GenerationClassLoader} over real class files: child-first for the
 * class of its snapshot and its nested classes, parent-first for everything else.
 */
class GenerationClassLoaderTests {

	private static final String ORDER_V1 = """
			package demo;
			public class Order {
				public String version() {
					return "v1 " + new Line().name() + " " + new Customer().name();
				}
				static class Line {
					String name() {
						return "line v1";
					}
				}
				static class Removed {
				}
			}
			""";

	private static final String ORDER_V2 = """
			package demo;
			public class Order {
				public String version() {
					return "v2 " + new Line().name() + " " + new Customer().name();
				}
				static class Line {
					String name() {
						return "line v2";
					}
				}
			}
			""";

	private static final String CUSTOMER = """
			package demo;
			public class Customer {
				public String name() {
					return "customer";
				}
			}
			""";

	@TempDir
	Path temp;

	@Test
	void definesTheClassOfItsSnapshotItself() throws Exception {
		try (ReloadableClasses classes = firstGeneration()) {
			Class<?> first = classes.load("demo.Order");
			GenerationClassLoader loader = nextGeneration(classes);
			Class<?> second = loader.loadClass("demo.Order");
			assertThat(second).isNotSameAs(first);
			assertThat(second.getName()).isEqualTo("demo.Order");
			assertThat(second.getClassLoader()).isSameAs(loader);
			assertThat(version(second)).isEqualTo("v2 line v2 customer");
			assertThat(version(first)).isEqualTo("v1 line v1 customer");
		}
	}

	@Test
	void definesTheNestedClassesOfItsSnapshotToo() throws Exception {
		try (ReloadableClasses classes = firstGeneration()) {
			GenerationClassLoader loader = nextGeneration(classes);
			Class<?> line = loader.loadClass("demo.Order$Line");
			assertThat(line.getClassLoader()).isSameAs(loader);
			assertThat(line).isNotSameAs(classes.load("demo.Order$Line"));
		}
	}

	@Test
	void loadsEveryOtherClassFromItsParent() throws Exception {
		try (ReloadableClasses classes = firstGeneration()) {
			GenerationClassLoader loader = nextGeneration(classes);
			assertThat(loader.loadClass("demo.Customer")).isSameAs(classes.load("demo.Customer"));
			assertThat(loader.loadClass("java.lang.String")).isSameAs(String.class);
		}
	}

	@Test
	void returnsTheSameClassEachTime() throws Exception {
		try (ReloadableClasses classes = firstGeneration()) {
			GenerationClassLoader loader = nextGeneration(classes);
			assertThat(loader.loadClass("demo.Order")).isSameAs(loader.loadClass("demo.Order"));
		}
	}

	@Test
	void neverFallsBackToTheParentForANestedClassTheSnapshotDoesNotHave() throws Exception {
		try (ReloadableClasses classes = firstGeneration()) {
			assertThat(classes.load("demo.Order$Removed")).isNotNull();
			GenerationClassLoader loader = nextGeneration(classes);
			assertThatExceptionOfType(ClassNotFoundException.class)
				.isThrownBy(() -> loader.loadClass("demo.Order$Removed"))
				.withMessage("demo.Order$Removed is not part of demo.Order generation 2");
		}
	}

	@Test
	void tellsItsOwnClassesAsReloadable() throws Exception {
		try (ReloadableClasses classes = firstGeneration()) {
			GenerationClassLoader loader = nextGeneration(classes);
			assertThat(loader.isClassReloadable(loader.loadClass("demo.Order"))).isTrue();
			assertThat(loader.isClassReloadable(loader.loadClass("demo.Order$Line"))).isTrue();
			assertThat(loader.isClassReloadable(loader.loadClass("demo.Customer"))).isFalse();
			assertThat(loader.isClassReloadable(classes.load("demo.Order"))).isFalse();
		}
	}

	@Test
	void definesItsClassesInTheGivenProtectionDomain() throws Exception {
		try (ReloadableClasses classes = firstGeneration()) {
			ProtectionDomain domain = new ProtectionDomain(
					new CodeSource(classes.directory().toUri().toURL(), (Certificate[]) null), null);
			GenerationClassLoader loader = new GenerationClassLoader("demo.Order generation 2",
					snapshotOfVersion2(classes), classes.classLoader(), domain);
			assertThat(loader.loadClass("demo.Order").getProtectionDomain()).isSameAs(domain);
			assertThat(loader.getName()).isEqualTo("demo.Order generation 2");
		}
	}

	@Test
	void rejectsMissingClassFiles() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new GenerationClassLoader("name", null, getClass().getClassLoader(), null))
			.withMessage("'classFiles' must not be null");
	}

	private ReloadableClasses firstGeneration() {
		return new ReloadableClasses(this.temp).compile("demo.Customer", CUSTOMER, "demo.Order", ORDER_V1);
	}

	private static GenerationClassLoader nextGeneration(ReloadableClasses classes) throws IOException {
		return new GenerationClassLoader("demo.Order generation 2", snapshotOfVersion2(classes), classes.classLoader(),
				null);
	}

	private static ClassFiles snapshotOfVersion2(ReloadableClasses classes) throws IOException {
		// Load the first version's classes before their files change, as the running
		// application did.
		classes.load("demo.Order");
		classes.load("demo.Order$Line");
		classes.load("demo.Order$Removed");
		classes.compile("demo.Order", ORDER_V2);
		Files.deleteIfExists(classes.classFile("demo.Order$Removed"));
		return ClassFiles.read(classes.directory(), "demo.Order", Duration.ZERO);
	}

	private static String version(Class<?> type) throws Exception {
		return (String) type.getMethod("version").invoke(type.getDeclaredConstructor().newInstance());
	}

}
