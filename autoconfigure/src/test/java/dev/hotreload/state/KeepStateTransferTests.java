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
 * Under {@code StatePolicy.KEEP} a reload carries every compatible field over, resets new,
 * retyped and {@code @ResetOnReload} fields, drops removed ones, and reports exactly those
 * names.
 */
class KeepStateTransferTests {

	private static final String CONFIG = """
			package demo;
			@org.springframework.context.annotation.Configuration
			@org.springframework.context.annotation.ComponentScan
			public class Config {
			}
			""";

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
				assertThat(record.state().kept()).containsExactlyInAnyOrder("count", "items", "created", "aisle",
						"tally", "additions");
				assertThat(record.state().reset()).containsExactlyInAnyOrder("total", "unit", "label");
				assertThat(record.state().dropped()).containsExactly("lastItem");
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

}
