package dev.hotreload.reload;

import java.nio.file.Path;

import dev.hotreload.ReloadRecord;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new generation gets its dependencies from the context, by constructor, into
 * {@code @Autowired} fields and into {@code @Value} fields, instead of the old instance's
 * values, and a reload reports none of those fields.
 */
class InjectionReloadTests {

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	private static final String STORE = """
			package demo;
			@org.springframework.stereotype.Component
			public class Store {
				public String find(String item) {
					return item + " in stock";
				}
			}
			""";

	private static final String PRICING = """
			package demo;
			@org.springframework.stereotype.Component
			public class Pricing {
				public int price(String item) {
					return item.length();
				}
			}
			""";

	// forget() loses every injected reference: the next generation can only hold them
	// again if it got them from the context.
	private static final String SHOP = """
			package demo;
			import org.springframework.beans.factory.annotation.Autowired;
			import org.springframework.beans.factory.annotation.Value;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Shop {
				private Store store;
				@Autowired
				private Store fieldStore;
				@Value("${shop.name}")
				private String name;
				private int sales;
				public Shop(Store store) {
					this.store = store;
				}
				public void sell() {
					this.sales++;
				}
				public void forget() {
					this.store = null;
					this.fieldStore = null;
					this.name = "forgotten";
				}
				public Object store() {
					return this.store;
				}
				public Object fieldStore() {
					return this.fieldStore;
				}
				public String describe(String item) {
					return "%s " + this.name + " sales=" + this.sales%s;
				}
			}
			""";

	private static final String SHOP_V1 = SHOP.formatted("v1", "");

	// Uses both injected stores, which fail its describe() if they were lost
	private static final String SHOP_V2 = SHOP.formatted("v2",
			" + \" \" + this.store.find(item) + \", \" + this.fieldStore.find(item)");

	private static final String SHOP_V3 = """
			package demo;
			import org.springframework.beans.factory.annotation.Autowired;
			import org.springframework.beans.factory.annotation.Value;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Shop {
				private Store store;
				private final Pricing pricing;
				@Autowired
				private Store fieldStore;
				@Value("${shop.name}")
				private String name;
				private int sales;
				public Shop(Store store, Pricing pricing) {
					this.store = store;
					this.pricing = pricing;
				}
				public void sell() {
					this.sales++;
				}
				public void forget() {
				}
				public Object store() {
					return this.store;
				}
				public Object fieldStore() {
					return this.fieldStore;
				}
				public String describe(String item) {
					return "v3 " + this.name + " sales=" + this.sales + " " + item + " costs "
							+ this.pricing.price(item);
				}
			}
			""";

	private static final String CATALOG = """
			package demo;
			public interface Catalog {
				String title();
			}
			""";

	// Made by a FactoryBean, as Spring Data makes its repositories
	private static final String CATALOG_FACTORY = """
			package demo;
			@org.springframework.stereotype.Component("catalog")
			public class CatalogFactory implements org.springframework.beans.factory.FactoryBean<Catalog> {
				@Override
				public Catalog getObject() {
					return () -> "spring catalog";
				}
				@Override
				public Class<?> getObjectType() {
					return Catalog.class;
				}
			}
			""";

	private static final String LIBRARY = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Library {
				private final Catalog catalog;
				private int loans;
				public Library(Catalog catalog) {
					this.catalog = catalog;
				}
				public String lend() {
					this.loans++;
					return "%s: " + this.catalog.title() + ", loans=" + this.loans;
				}
				public Object catalog() {
					return this.catalog;
				}
			}
			""";

	@Test
	void objectOfAFactoryBeanIsInjectedAndNotReported(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Catalog", CATALOG, "demo.CatalogFactory", CATALOG_FACTORY,
					"demo.Library", LIBRARY.formatted("v1"));
			Reloads.runner(classes, "demo.Config").run((context) -> {
				Object library = context.getBean("library");
				Object catalog = context.getBean("catalog");
				assertThat(call(library, "lend")).isEqualTo("v1: spring catalog, loans=1");
				classes.compile("demo.Library", LIBRARY.formatted("v2"));
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.outcome()).isEqualTo(ReloadRecord.Outcome.RELOADED);
				assertThat(record.fields().kept()).containsExactly("loans");
				assertThat(record.fields().reset()).isEmpty();
				assertThat(record.fields().dropped()).isEmpty();
				assertThat(call(library, "catalog")).isSameAs(catalog);
				assertThat(call(library, "lend")).isEqualTo("v2: spring catalog, loans=2");
			});
		}
	}

	@Test
	void injectedFieldsAreFreshAndNotReported(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Store", STORE, "demo.Shop", SHOP_V1);
			Reloads.runner(classes, "demo.Config").withPropertyValues("shop.name=Corner Shop").run((context) -> {
				Object shop = context.getBean("shop");
				Object store = context.getBean("store");
				assertThat(call(shop, "store")).isSameAs(store);
				call(shop, "sell");
				call(shop, "sell");
				call(shop, "forget");
				assertThat(call(shop, "store")).isNull();
				assertThat(call(shop, "fieldStore")).isNull();
				assertThat(call(shop, "describe", "tea")).isEqualTo("v1 forgotten sales=2");
				classes.compile("demo.Shop", SHOP_V2);
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.outcome()).isEqualTo(ReloadRecord.Outcome.RELOADED);
				assertThat(record.fields().kept()).containsExactly("sales");
				assertThat(record.fields().reset()).isEmpty();
				assertThat(record.fields().dropped()).isEmpty();
				assertThat(call(shop, "store")).isSameAs(store);
				assertThat(call(shop, "fieldStore")).isSameAs(store);
				assertThat(call(shop, "describe", "tea"))
					.isEqualTo("v2 Corner Shop sales=2 tea in stock, tea in stock");
			});
		}
	}

	@Test
	void newConstructorDependencyIsInjected(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Store", STORE, "demo.Pricing", PRICING, "demo.Shop", SHOP_V1);
			Reloads.runner(classes, "demo.Config").withPropertyValues("shop.name=Corner Shop").run((context) -> {
				Object shop = context.getBean("shop");
				call(shop, "sell");
				assertThat(call(shop, "describe", "coffee")).isEqualTo("v1 Corner Shop sales=1");
				classes.compile("demo.Shop", SHOP_V3);
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.outcome()).isEqualTo(ReloadRecord.Outcome.RELOADED);
				assertThat(record.fields().kept()).containsExactly("sales");
				assertThat(record.fields().reset()).isEmpty();
				assertThat(record.fields().dropped()).isEmpty();
				assertThat(call(shop, "describe", "coffee")).isEqualTo("v3 Corner Shop sales=1 coffee costs 6");
				assertThat(call(shop, "store")).isSameAs(context.getBean("store"));
			});
		}
	}

}
