package dev.hotreload.reload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.hotreload.ReloadRecord;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import dev.hotreload.testsupport.TestCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nested, anonymous and lambda classes of a bean's new version are loaded with it,
 * and a change to a nested class alone reloads the bean.
 */
class NestedClassesReloadTests {

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	private static final String CATALOG_V1 = """
			package demo;
			import java.util.ArrayList;
			import java.util.List;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Catalog {
				private final List<String> names = new ArrayList<>();
				public void add(String name) {
					this.names.add(name);
				}
				public String listing() {
					return String.join(",", this.names);
				}
			}
			""";

	private static final String CATALOG_V2 = """
			package demo;
			import java.util.ArrayList;
			import java.util.Comparator;
			import java.util.List;
			import java.util.stream.Collectors;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Catalog {
				private final List<String> names = new ArrayList<>();
				public void add(String name) {
					this.names.add(name);
				}
				public String listing() {
					Comparator<Entry> byLength = new Comparator<>() {
						@Override
						public int compare(Entry left, Entry right) {
							return Integer.compare(left.length(), right.length());
						}
					};
					return this.names.stream()
						.map((name) -> new Entry(name, name.length()))
						.sorted(byLength.thenComparing(Entry::name))
						.map((entry) -> entry.name() + ":" + entry.length())
						.collect(Collectors.joining(","));
				}
				private record Entry(String name, int length) {
				}
			}
			""";

	// The nested class changes on the same lines, so that the outer class compiles to the
	// same bytes.
	private static final String SCOREBOARD = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Scoreboard {
				private int points;
				public int score(int points) {
					return this.points += points;
				}
				public String render() {
					return new Format().apply(this.points);
				}
				static class Format {
					String apply(int points) { return %s; }
				}
			}
			""";

	@Test
	void newVersionWithNestedRecordAnonymousClassAndLambdas(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Catalog", CATALOG_V1);
			Reloads.runner(classes, "demo.Config").run((context) -> {
				Object catalog = context.getBean("catalog");
				call(catalog, "add", "banana");
				call(catalog, "add", "fig");
				call(catalog, "add", "cherry");
				assertThat(call(catalog, "listing")).isEqualTo("banana,fig,cherry");
				classes.compile("demo.Catalog", CATALOG_V2);
				assertThat(classes.classFile("demo.Catalog$1")).exists();
				assertThat(classes.classFile("demo.Catalog$Entry")).exists();
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.outcome()).isEqualTo(ReloadRecord.Outcome.RELOADED);
				assertThat(record.classes()).contains("demo.Catalog$1", "demo.Catalog$Entry");
				assertThat(record.fields().kept()).containsExactly("names");
				assertThat(call(catalog, "listing")).isEqualTo("fig:3,banana:6,cherry:6");
				call(catalog, "add", "kiwi");
				assertThat(call(catalog, "listing")).isEqualTo("fig:3,kiwi:4,banana:6,cherry:6");
			});
		}
	}

	@Test
	void changeOfNestedClassAloneReloadsTheBean(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Scoreboard", SCOREBOARD.formatted("\"[\" + points + \"]\""));
			Path staging = Files.createDirectories(temp.resolve("staging"));
			TestCompiler.compile(staging,
					Map.of("demo.Scoreboard", SCOREBOARD.formatted("\"<\" + points + \" points>\"")));
			Path stagedOuter = staging.resolve("demo/Scoreboard.class");
			Path stagedNested = staging.resolve("demo/Scoreboard$Format.class");
			assertThat(Files.readAllBytes(stagedOuter))
				.isEqualTo(Files.readAllBytes(classes.classFile("demo.Scoreboard")));
			assertThat(Files.readAllBytes(stagedNested))
				.isNotEqualTo(Files.readAllBytes(classes.classFile("demo.Scoreboard$Format")));
			Reloads.runner(classes, "demo.Config").run((context) -> {
				Object scoreboard = context.getBean("scoreboard");
				call(scoreboard, "score", 5);
				assertThat(call(scoreboard, "render")).isEqualTo("[5]");
				Files.write(classes.classFile("demo.Scoreboard$Format"), Files.readAllBytes(stagedNested));
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.outcome()).isEqualTo(ReloadRecord.Outcome.RELOADED);
				assertThat(record.bean()).isEqualTo("scoreboard");
				assertThat(record.classes()).containsExactly("demo.Scoreboard$Format");
				assertThat(record.generation()).isEqualTo(2);
				assertThat(record.fields().kept()).containsExactly("points");
				assertThat(call(scoreboard, "render")).isEqualTo("<5 points>");
			});
		}
	}

}
