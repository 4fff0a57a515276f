package dev.hotreload.state;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.hotreload.ResetOnReload;
import dev.hotreload.classloading.ClassFiles;
import dev.hotreload.classloading.GenerationClassLoader;
import dev.hotreload.testsupport.ReloadableClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Unit tests of {@link StateTransfer}, on instances of one class and on instances of two
 * generations of a class compiled from source, the second defined by its own
 * {@link GenerationClassLoader}.
 */
class StateTransferTests {

	private static final String STOCK_V1 = """
			package demo;
			import java.util.ArrayList;
			import java.util.List;
			public class Stock {
				static int created = 0;
				static final String VERSION = "v1";
				private int count = 0;
				private final List<String> names = new ArrayList<>();
				private long total = 0;
				private String removed = "removed v1";
				private List<String> retyped = new ArrayList<>();
				private String label = "label v1";
				private final List<Entry> entries = new ArrayList<>();
				private Runnable task = () -> { };
				private Object held = new Entry();
				private Object plain = "plain";
				private String nothing = null;
				public void fill() {
					created = 5;
					this.count = 7;
					this.names.add("apple");
					this.total = 40;
					this.retyped.add("one");
					this.label = "label changed";
					this.entries.add(new Entry());
					this.plain = "kept value";
				}
				static class Entry {
				}
			}
			""";

	private static final String STOCK_V2 = """
			package demo;
			import java.util.ArrayList;
			import java.util.List;
			public class Stock {
				static int created = 0;
				static final String VERSION = "v2";
				private int count = 0;
				private final List<String> names = new ArrayList<>();
				private int total = -1;
				private List<Integer> retyped = new ArrayList<>();
				@dev.hotreload.ResetOnReload
				private String label = "label v2";
				private final List<Entry> entries = new ArrayList<>();
				private Runnable task = () -> { };
				private Object held = "fresh";
				private Object plain = "plain v2";
				private String nothing = "nothing v2";
				private String added = "added v2";
				static class Entry {
				}
			}
			""";

	@TempDir
	Path temp;

	@Test
	void carriesFieldsOfTheSameNameAndType() {
		Shelf from = new Shelf();
		from.fill();
		Shelf to = new Shelf();
		var report = new StateTransfer((field) -> false).transfer(from, to);
		assertThat(report.kept()).containsExactlyInAnyOrder("items", "count", "nothing", "aisle");
		assertThat(report.reset()).isEmpty();
		assertThat(report.dropped()).isEmpty();
		assertThat(to.items).isSameAs(from.items).containsExactly("pear");
		assertThat(to.count).isEqualTo(3);
		assertThat(to.nothing).isNull();
		assertThat(to.aisle()).isEqualTo("aisle 9");
	}

	@Test
	void leavesFieldsMarkedResetOnReloadWithTheNewValue() {
		Labelled from = new Labelled("old");
		Labelled to = new Labelled("new");
		var report = new StateTransfer((field) -> false).transfer(from, to);
		assertThat(report.kept()).containsExactly("count");
		assertThat(report.reset()).containsExactly("label");
		assertThat(to.label).isEqualTo("new");
	}

	@Test
	void neitherCopiesNorReportsFreshFields() {
		Shelf from = new Shelf();
		from.fill();
		Shelf to = new Shelf();
		var report = new StateTransfer((field) -> field.getName().equals("items")).transfer(from, to);
		assertThat(report.kept()).containsExactlyInAnyOrder("count", "nothing", "aisle");
		assertThat(report.reset()).isEmpty();
		assertThat(to.items).isNotSameAs(from.items).isEmpty();
	}

	@Test
	void doesNotTouchStaticFieldsWhenTheClassIsTheSame() {
		Shelf.created = 1;
		Shelf from = new Shelf();
		from.fill();
		var report = new StateTransfer((field) -> false).transfer(from, new Shelf());
		assertThat(report.kept()).doesNotContain("created");
		assertThat(Shelf.created).isEqualTo(1);
	}

	@Test
	void carriesCompatibleFieldsToTheNextGenerationAndResetsTheOthers() throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(this.temp)) {
			classes.compile("demo.Stock", STOCK_V1);
			Class<?> firstGeneration = classes.load("demo.Stock");
			Object from = firstGeneration.getDeclaredConstructor().newInstance();
			firstGeneration.getMethod("fill").invoke(from);
			Object to = nextGeneration(classes, "demo.Stock", STOCK_V2).getDeclaredConstructor().newInstance();
			assertThat(to.getClass()).isNotSameAs(from.getClass());

			var report = new StateTransfer((field) -> false).transfer(from, to);

			assertThat(report.kept()).containsExactlyInAnyOrder("count", "names", "plain", "nothing", "created");
			assertThat(report.reset()).containsExactlyInAnyOrder("total", "retyped", "label", "entries", "task", "held",
					"added");
			assertThat(report.dropped()).containsExactly("removed");
			assertThat(ReflectionTestUtils.getField(to, "count")).isEqualTo(7);
			assertThat(ReflectionTestUtils.getField(to, "names")).isEqualTo(List.of("apple"));
			assertThat(ReflectionTestUtils.getField(to, "plain")).isEqualTo("kept value");
			assertThat(ReflectionTestUtils.getField(to, "nothing")).isNull();
			assertThat(ReflectionTestUtils.getField(to.getClass(), "created")).isEqualTo(5);
			assertThat(ReflectionTestUtils.getField(to, "total")).isEqualTo(-1);
			assertThat(ReflectionTestUtils.getField(to, "label")).isEqualTo("label v2");
			assertThat(ReflectionTestUtils.getField(to, "held")).isEqualTo("fresh");
			assertThat((List<?>) ReflectionTestUtils.getField(to, "entries")).isEmpty();
			Object task = ReflectionTestUtils.getField(to, "task");
			assertThat(task).isNotNull();
			assertThat(task.getClass().getClassLoader()).isSameAs(to.getClass().getClassLoader());
			assertThat(ReflectionTestUtils.getField(to.getClass(), "VERSION")).isEqualTo("v2");
		}
	}

	@Test
	void rejectsNullArguments() {
		assertThatIllegalArgumentException().isThrownBy(() -> new StateTransfer(null))
			.withMessage("'fresh' must not be null");
		StateTransfer transfer = new StateTransfer((field) -> false);
		assertThatIllegalArgumentException().isThrownBy(() -> transfer.transfer(null, new Shelf()))
			.withMessage("'from' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> transfer.transfer(new Shelf(), null))
			.withMessage("'to' must not be null");
	}

	private static Class<?> nextGeneration(ReloadableClasses classes, String className, String source)
			throws Exception {
		classes.compile(className, source);
		ClassFiles files = ClassFiles.read(classes.directory(), className, Duration.ZERO);
		GenerationClassLoader loader = new GenerationClassLoader(className + " generation 2", files,
				classes.classLoader(), null);
		return loader.loadClass(className);
	}

	static class Aisle {

		private String aisle = "none";

		String aisle() {
			return this.aisle;
		}

		void moveTo(String aisle) {
			this.aisle = aisle;
		}

	}

	static class Shelf extends Aisle {

		static int created;

		private final List<String> items = new ArrayList<>();

		private int count;

		private String nothing = "initial";

		void fill() {
			this.items.add("pear");
			this.count = 3;
			this.nothing = null;
			moveTo("aisle 9");
		}

	}

	static class Labelled {

		@ResetOnReload
		private final String label;

		private int count = 1;

		Labelled(String label) {
			this.label = label;
		}

	}

}
