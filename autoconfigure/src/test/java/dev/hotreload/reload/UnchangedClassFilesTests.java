package dev.hotreload.reload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Class files rewritten with the same bytes reload nothing, while an explicit reload
 * always makes a new generation.
 */
class UnchangedClassFilesTests {

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	// 'alpha' sorts before 'beta', and its file changes first: by the time a record of
	// 'beta' exists, the change of 'alpha' was handled, in the same batch or an earlier
	// one.
	private static final String ALPHA = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Alpha {
				private int calls;
				public String hello() {
					return "alpha v1 #" + (++this.calls);
				}
			}
			""";

	private static final String BETA = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Beta {
				public String hello() {
					return "beta %s";
				}
			}
			""";

	@Test
	void rewritingTheSameBytesReloadsNothing(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Alpha", ALPHA, "demo.Beta", BETA.formatted("v1"));
			Reloads.runner(classes, "demo.Config").run((context) -> {
				HotReloadEngine engine = context.getBean(HotReloadEngine.class);
				Object alpha = context.getBean("alpha");
				call(alpha, "hello");
				Path alphaFile = classes.classFile("demo.Alpha");
				Files.write(alphaFile, Files.readAllBytes(alphaFile));
				Files.setLastModifiedTime(alphaFile, FileTime.from(Instant.now().plusSeconds(5)));
				classes.compile("demo.Beta", BETA.formatted("v2"));
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.bean()).isEqualTo("beta");
				assertThat(context.getBean(HotReloader.class).history()).containsExactly(record);
				assertThat(engine.bean("alpha").generation()).isEqualTo(1);
				assertThat(call(alpha, "hello")).isEqualTo("alpha v1 #2");
				assertThat(call(context.getBean("beta"), "hello")).isEqualTo("beta v2");
			});
		}
	}

	@Test
	void recompilingTheSameSourceReloadsNothing(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Alpha", ALPHA, "demo.Beta", BETA.formatted("v1"));
			Reloads.runner(classes, "demo.Config").run((context) -> {
				HotReloadEngine engine = context.getBean(HotReloadEngine.class);
				byte[] before = Files.readAllBytes(classes.classFile("demo.Alpha"));
				classes.compile("demo.Alpha", ALPHA);
				assertThat(Files.readAllBytes(classes.classFile("demo.Alpha"))).isEqualTo(before);
				classes.compile("demo.Beta", BETA.formatted("v2"));
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.bean()).isEqualTo("beta");
				assertThat(context.getBean(HotReloader.class).history()).containsExactly(record);
				assertThat(engine.bean("alpha").generation()).isEqualTo(1);
			});
		}
	}

	@Test
	void explicitReloadOfUnchangedClassMakesANewGeneration(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Alpha", ALPHA, "demo.Beta", BETA.formatted("v1"));
			Reloads.runner(classes, "demo.Config").run((context) -> {
				HotReloader reloader = context.getBean(HotReloader.class);
				Object alpha = context.getBean("alpha");
				call(alpha, "hello");
				ReloadRecord first = reloader.reload("alpha");
				assertThat(first.outcome()).isEqualTo(ReloadRecord.Outcome.RELOADED);
				assertThat(first.trigger()).isEqualTo(ReloadRecord.Trigger.API);
				assertThat(first.bean()).isEqualTo("alpha");
				assertThat(first.generation()).isEqualTo(2);
				assertThat(first.classes()).containsExactly("demo.Alpha");
				assertThat(first.fields().kept()).containsExactly("calls");
				ReloadRecord second = reloader.reload("alpha");
				assertThat(second.generation()).isEqualTo(3);
				assertThat(second.trigger()).isEqualTo(ReloadRecord.Trigger.API);
				assertThat(reloader.history()).containsExactly(second, first);
				assertThat(call(alpha, "hello")).isEqualTo("alpha v1 #2");
			});
		}
	}

}
