package dev.hotreload.state;

import java.nio.file.Path;
import java.time.Instant;

import dev.hotreload.ReloadRecord;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under {@code StatePolicy.KEEP} a reload carries every compatible field over, resets
 * new, retyped and {@code @ResetOnReload} fields and those holding objects of the bean's
 * own replaced classes, drops removed ones, and reports exactly those names.
 */
class KeepStateTransferTests {

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	// Compiled into the watched directory but not a bean: its class is shared by all
	// generations, between the bean class and the superclass from the test sources.
	private static final String SHELF = """
			package demo;
			public abstract class Shelf extends dev.hotreload.fixtures.Tally {
				protected String aisle = "none";
				public void moveTo(String aisle) {
					this.aisle = aisle;
				}
			}
			""";

	private static final String INVENTORY_V1 = """
			package demo;
			import java.time.Instant;
			import java.util.ArrayList;
			import java.util.List;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Inventory extends Shelf {
				static int additions;
				private int count;
				private final List<String> items = new ArrayList<>();
				private final Instant created = Instant.now();
				private int total;
				private String lastItem = "none";
				@dev.hotreload.ResetOnReload
				private String label = "label v1";
				public void add(String item, int amount) {
					this.items.add(item);
					this.count++;
					this.total += amount;
					this.tally += amount;
					this.lastItem = item;
					additions++;
				}
				public Instant created() {
					return this.created;
				}
				public String describe() {
					return "v1 count=" + this.count + " items=" + this.items + " total=" + this.total + " last="
							+ this.lastItem + " label=" + this.label;
				}
			}
			""";

	private static final String INVENTORY_V2 = """
			package demo;
			import java.time.Instant;
			import java.util.ArrayList;
			import java.util.List;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Inventory extends Shelf {
				static int additions;
				private int count;
				private final List<String> items = new ArrayList<>();
				private final Instant created = Instant.now();
				private long total;
				private String unit = "pieces";
				@dev.hotreload.ResetOnReload
				private String label = "label v2";
				public void add(String item, int amount) {
					this.items.add(item);
					this.count++;
					this.total += amount;
					this.tally += amount;
					additions++;
				}
				public Instant created() {
					return this.created;
				}
				public String describe() {
					return "v2 count=" + this.count + " items=" + this.items + " total=" + this.total + " " + this.unit
							+ " label=" + this.label + " tally=" + this.tally + " aisle=" + this.aisle + " additions="
							+ additions;
				}
			}
			""";

	// Every generation defines Book$Entry and the lambda classes anew: values of the old
	// generation's classes cannot serve the new code.
	private static final String BOOK = """
			package demo;
			import java.util.ArrayList;
			import java.util.LinkedHashMap;
			import java.util.List;
			import java.util.Map;
			import java.util.function.Supplier;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Book {
				private final List<String> names = new ArrayList<>();
				private final List<Entry> entries = new ArrayList<>();
				private final Map<String, Entry> byName = new LinkedHashMap<>();
				private Entry last;
				private Object any;
				private Supplier<String> version = () -> "%1$s";
				public void add(String name) {
					Entry entry = new Entry(name);
					this.names.add(name);
					this.entries.add(entry);
					this.byName.put(name, entry);
					this.last = entry;
					this.any = entry;
				}
				public String describe() {
					StringBuilder result = new StringBuilder(this.version.get()).append(" names=").append(this.names);
					for (Entry entry : this.entries) {
						result.append(' ').append(entry.name());
					}
					for (Entry entry : this.byName.values()) {
						result.append(' ').append(entry.name());
					}
					result.append(" last=").append((this.last != null) ? this.last.name() : "none");
					result.append(" any=").append((this.any != null) ? ((Entry) this.any).name() : "none");
					return result.toString();
				}
				record Entry(String name) {
				}
			}
			""";

	@Test
	void keepsResetsAndDropsFieldsAndReportsThem(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Shelf", SHELF, "demo.Inventory", INVENTORY_V1);
			Reloads.runner(classes, "demo.Config").run((context) -> {
				Object inventory = context.getBean("inventory");
				call(inventory, "add", "apple", 3);
				call(inventory, "add", "pear", 4);
				call(inventory, "moveTo", "north");
				Instant created = (Instant) call(inventory, "created");
				assertThat(call(inventory, "describe"))
					.isEqualTo("v1 count=2 items=[apple, pear] total=7 last=pear label=label v1");
				classes.compile("demo.Inventory", INVENTORY_V2);
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.outcome()).isEqualTo(ReloadRecord.Outcome.RELOADED);
				assertThat(record.fields().kept()).containsExactlyInAnyOrder("count", "items", "created", "aisle",
						"tally", "additions");
				assertThat(record.fields().reset()).containsExactlyInAnyOrder("total", "unit", "label");
				assertThat(record.fields().dropped()).containsExactly("lastItem");
				assertThat(call(inventory, "describe")).isEqualTo("v2 count=2 items=[apple, pear] total=0 pieces "
						+ "label=label v2 tally=7 aisle=north additions=2");
				assertThat(call(inventory, "created")).isEqualTo(created);
				call(inventory, "add", "plum", 5);
				assertThat(call(inventory, "describe")).isEqualTo("v2 count=3 items=[apple, pear, plum] total=5 "
						+ "pieces label=label v2 tally=12 aisle=north additions=3");
				assertThat(call(inventory, "tally")).isEqualTo(12);
			});
		}
	}

	@Test
	void fieldsHoldingObjectsOfTheOldGenerationsOwnClassesAreReset(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Book", BOOK.formatted("v1"));
			Reloads.runner(classes, "demo.Config").run((context) -> {
				Object book = context.getBean("book");
				call(book, "add", "dune");
				assertThat(call(book, "describe")).isEqualTo("v1 names=[dune] dune dune last=dune any=dune");
				classes.compile("demo.Book", BOOK.formatted("v2"));
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.outcome()).isEqualTo(ReloadRecord.Outcome.RELOADED);
				assertThat(record.fields().kept()).containsExactly("names");
				assertThat(record.fields().reset()).containsExactlyInAnyOrder("entries", "byName", "last", "any",
						"version");
				assertThat(call(book, "describe")).isEqualTo("v2 names=[dune] last=none any=none");
				call(book, "add", "emma");
				assertThat(call(book, "describe")).isEqualTo("v2 names=[dune, emma] emma emma last=emma any=emma");
			});
		}
	}

}
