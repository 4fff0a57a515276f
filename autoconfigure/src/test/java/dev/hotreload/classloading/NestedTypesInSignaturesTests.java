package dev.hotreload.classloading;

import java.nio.file.Path;

import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bean whose public methods take and return its own nested types: while such a type is
 * unchanged, every generation uses the class the rest of the application knows; when it
 * changed, the reload fails and says that a refresh is needed.
 */
class NestedTypesInSignaturesTests {

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	private static final String SHOP = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Shop {
				public enum Size { S, M, L%s }
				private Size last = Size.S;
				public String describe(Size size) {
					last = size;
					return "%s " + size + " " + switch (size) { case S -> "small"; case M -> "medium"; default -> "large"; };
				}
				public Size pick() {
					return last;
				}
			}
			""";

	@Test
	void unchangedNestedTypeStaysTheApplicationsAcrossReloads(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Shop", SHOP.formatted("", "v1"));
			Reloads.runner(classes, "demo.Config").run((context) -> {
				Object shop = context.getBean("shop");
				Class<?> size = classes.load("demo.Shop$Size");
				Object large = size.getEnumConstants()[2];
				assertThat(call(shop, "describe", large)).isEqualTo("v1 L large");
				HotReloader reloader = context.getBean(HotReloader.class);
				ReloadRecord identical = reloader.reload("shop");
				assertThat(identical.outcome()).isEqualTo(Outcome.RELOADED);
				assertThat(identical.fields().kept()).contains("last");
				assertThat(call(shop, "pick")).isSameAs(large);
				classes.compile("demo.Shop", SHOP.formatted("", "v2"));
				ReloadRecord changed = Reloads.awaitRecords(context, 2);
				assertThat(changed.outcome()).isEqualTo(Outcome.RELOADED);
				assertThat(call(shop, "describe", size.getEnumConstants()[1])).isEqualTo("v2 M medium");
				assertThat(call(shop, "pick")).isInstanceOf(size).isSameAs(size.getEnumConstants()[1]);
			});
		}
	}

	@Test
	void changedNestedTypeOfAPublicSignatureFailsSayingARefreshIsNeeded(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Shop", SHOP.formatted("", "v1"));
			Reloads.runner(classes, "demo.Config").run((context) -> {
				Object shop = context.getBean("shop");
				Class<?> size = classes.load("demo.Shop$Size");
				classes.compile("demo.Shop", SHOP.formatted(", XL", "v2"));
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.outcome()).isEqualTo(Outcome.FAILED);
				assertThat(record.generation()).isEqualTo(1);
				assertThat(record.failure()).isNotNull();
				assertThat(record.failure().message()).contains("demo.Shop$Size")
					.contains("public methods of demo.Shop")
					.contains("a full refresh is needed");
				assertThat(call(shop, "describe", size.getEnumConstants()[0])).isEqualTo("v1 S small");
			});
		}
	}

}
