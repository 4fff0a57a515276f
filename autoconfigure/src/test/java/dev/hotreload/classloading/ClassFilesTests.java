package dev.hotreload.classloading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.hotreload.testsupport.ReloadableClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Unit tests of {@link ClassFiles}: which class files make a snapshot, how broken files
 * are reported, and the class name helpers.
 */
class ClassFilesTests {

	private static final String ORDER = """
			package demo;
			public class Order {
				private final Line line = new Line();
				public Runnable task() {
					return new Runnable() {
						public void run() {
						}
					};
				}
				static class Line {
					class Note {
					}
				}
			}
			""";

	private static final String ORDER_BOOK = """
			package demo;
			public class OrderBook {
			}
			""";

	private static final String ORDER_CHANGED = """
			package demo;
			public class Order {
				private final Line line = new Line();
				public Runnable task() {
					return new Runnable() {
						public void run() {
							System.out.println("changed");
						}
					};
				}
				static class Line {
					class Note {
					}
				}
			}
			""";

	@TempDir
	Path temp;

	@Test
	void readsTheClassAndItsNestedAndAnonymousClassesOnly() throws IOException {
		try (ReloadableClasses classes = compiled()) {
			ClassFiles files = ClassFiles.read(classes.directory(), "demo.Order", Duration.ZERO);
			assertThat(files.className()).isEqualTo("demo.Order");
			assertThat(files.classNames()).containsExactlyInAnyOrder("demo.Order", "demo.Order$1", "demo.Order$Line",
					"demo.Order$Line$Note");
			assertThat(files.bytes("demo.Order$Line"))
				.isEqualTo(Files.readAllBytes(classes.classFile("demo.Order$Line")));
			assertThat(files.bytes("demo.OrderBook")).isNull();
		}
	}

	@Test
	void readsAClassOfTheDefaultPackage() throws IOException {
		try (ReloadableClasses classes = new ReloadableClasses(this.temp)) {
			classes.compile("Plain", "public class Plain { static class Inner { } }");
			ClassFiles files = ClassFiles.read(classes.directory(), "Plain", Duration.ZERO);
			assertThat(files.classNames()).containsExactlyInAnyOrder("Plain", "Plain$Inner");
		}
	}

	@Test
	void keepsTheBytesReadEvenWhenTheFileChangesLater() throws IOException {
		try (ReloadableClasses classes = compiled()) {
			ClassFiles files = ClassFiles.read(classes.directory(), "demo.Order", Duration.ZERO);
			byte[] before = Files.readAllBytes(classes.classFile("demo.Order$1"));
			classes.compile("demo.Order", ORDER_CHANGED);
			assertThat(Files.readAllBytes(classes.classFile("demo.Order$1"))).isNotEqualTo(before);
			assertThat(files.bytes("demo.Order$1")).isEqualTo(before);
		}
	}

	@Test
	void comparesSnapshotsByteForByte() throws IOException {
		try (ReloadableClasses classes = compiled()) {
			ClassFiles first = ClassFiles.read(classes.directory(), "demo.Order", Duration.ZERO);
			ClassFiles again = ClassFiles.read(classes.directory(), "demo.Order", Duration.ZERO);
			assertThat(first.sameBytesAs(again)).isTrue();
			assertThat(first.sameBytesAs(null)).isFalse();
			classes.compile("demo.Order", ORDER_CHANGED);
			ClassFiles changed = ClassFiles.read(classes.directory(), "demo.Order", Duration.ZERO);
			assertThat(first.sameBytesAs(changed)).isFalse();
			Files.delete(classes.classFile("demo.Order$Line$Note"));
			ClassFiles fewer = ClassFiles.read(classes.directory(), "demo.Order", Duration.ZERO);
			assertThat(changed.sameBytesAs(fewer)).isFalse();
			assertThat(fewer.sameBytesAs(changed)).isFalse();
		}
	}

	@Test
	void missingClassFileIsReported() throws IOException {
		try (ReloadableClasses classes = compiled()) {
			assertThatExceptionOfType(NoSuchFileException.class)
				.isThrownBy(() -> ClassFiles.read(classes.directory(), "demo.Missing", Duration.ZERO))
				.withMessageContaining("class file of demo.Missing not found");
		}
	}

	@Test
	void truncatedClassFileIsReported() throws IOException {
		try (ReloadableClasses classes = compiled()) {
			Path nested = classes.classFile("demo.Order$Line");
			byte[] bytes = Files.readAllBytes(nested);
			Files.write(nested, Arrays.copyOf(bytes, bytes.length / 2));
			assertThatExceptionOfType(ClassFormatError.class)
				.isThrownBy(() -> ClassFiles.read(classes.directory(), "demo.Order", Duration.ZERO))
				.withMessageStartingWith(
						"Truncated or corrupt class file of demo.Order$Line (" + bytes.length / 2 + " bytes)");
		}
	}

	@Test
	void classFileOfAnotherClassIsReported() throws IOException {
		try (ReloadableClasses classes = compiled()) {
			Files.copy(classes.classFile("demo.OrderBook"), classes.classFile("demo.Order"),
					StandardCopyOption.REPLACE_EXISTING);
			assertThatExceptionOfType(ClassFormatError.class)
				.isThrownBy(() -> ClassFiles.read(classes.directory(), "demo.Order", Duration.ZERO))
				.withMessage("Class file of demo.Order declares demo/OrderBook");
		}
	}

	@Test
	void classFileThatIsStillBeingWrittenIsReadAgainWithinThePatience() throws Exception {
		try (ReloadableClasses classes = compiled()) {
			Path main = classes.classFile("demo.Order");
			byte[] bytes = Files.readAllBytes(main);
			Files.write(main, Arrays.copyOf(bytes, 10));
			ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
			try {
				writer.schedule(() -> Files.write(main, bytes), 200, TimeUnit.MILLISECONDS);
				ClassFiles files = ClassFiles.read(classes.directory(), "demo.Order", Duration.ofSeconds(30));
				assertThat(files.bytes("demo.Order")).isEqualTo(bytes);
			}
			finally {
				writer.shutdownNow();
			}
		}
	}

	@Test
	void rejectsMissingArguments() {
		assertThatIllegalArgumentException().isThrownBy(() -> ClassFiles.read(null, "demo.Order", Duration.ZERO))
			.withMessage("'root' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> ClassFiles.read(this.temp, "", Duration.ZERO))
			.withMessage("'className' must not be empty");
	}

	@Test
	void tellsNestedClassesFromClassesWithALongerName() {
		assertThat(ClassFiles.isSameOrNested("demo.Order", "demo.Order")).isTrue();
		assertThat(ClassFiles.isSameOrNested("demo.Order", "demo.Order$Line")).isTrue();
		assertThat(ClassFiles.isSameOrNested("demo.Order", "demo.Order$1")).isTrue();
		assertThat(ClassFiles.isSameOrNested("demo.Order", "demo.Order$$Lambda/0x0000000801000a00")).isTrue();
		assertThat(ClassFiles.isSameOrNested("demo.Order", "demo.OrderBook")).isFalse();
		assertThat(ClassFiles.isSameOrNested("demo.Order", "demo.Orde")).isFalse();
		assertThat(ClassFiles.isSameOrNested("demo.Order", "other.Order")).isFalse();
	}

	@Test
	void findsTheTopLevelClassOfANestedClass() {
		assertThat(ClassFiles.topLevelClassName("demo.Order")).isEqualTo("demo.Order");
		assertThat(ClassFiles.topLevelClassName("demo.Order$Line$Note")).isEqualTo("demo.Order");
		assertThat(ClassFiles.topLevelClassName("demo.Order$1")).isEqualTo("demo.Order");
		assertThat(ClassFiles.topLevelClassName("Plain$Inner")).isEqualTo("Plain");
		assertThat(ClassFiles.topLevelClassName("demo$pkg.Order$Line")).isEqualTo("demo$pkg.Order");
	}

	private ReloadableClasses compiled() {
		return new ReloadableClasses(this.temp).compile("demo.Order", ORDER, "demo.OrderBook", ORDER_BOOK);
	}

}
