package dev.hotreload.reload;

import java.nio.file.Path;

import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.classloading.GenerationClassLoader;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.test.util.ReflectionTestUtils;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@code @AfterReload} method runs on the new instance once its state was carried
 * over, can receive the previous instance, and fails the reload when it throws.
 */
class AfterReloadTests {

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	private static final String COUNTER_V1 = counter("""
				public int increment() {
					return ++this.count;
				}
				public String describe() {
					return "v1:" + this.count;
				}
				public Object previous() {
					return null;
				}
			""");

	private static final String COUNTER_NO_ARG = counter("""
				private String summary = "not reloaded";
				@dev.hotreload.AfterReload
				void summarize() {
					this.summary = "reloaded at count " + this.count;
				}
				public int increment() {
					return ++this.count;
				}
				public String describe() {
					return "v2:" + this.count + " " + this.summary;
				}
				public Object previous() {
					return null;
				}
			""");

	private static final String COUNTER_PREVIOUS = counter("""
				private Object previous;
				@dev.hotreload.AfterReload
				void takeOver(Object previous) {
					this.previous = previous;
				}
				public int increment() {
					return ++this.count;
				}
				public String describe() {
					return "v2:" + this.count;
				}
				public Object previous() {
					return this.previous;
				}
			""");

	private static final String COUNTER_THROWING = counter("""
				@dev.hotreload.AfterReload
				void check() {
					throw new IllegalStateException("count " + this.count + " is not ready");
				}
				public int increment() {
					return this.count += 100;
				}
				public String describe() {
					return "v2:" + this.count;
				}
				public Object previous() {
					return null;
				}
			""");

	private static final String COUNTER_FIXED = counter("""
				@dev.hotreload.AfterReload
				void check() {
					if (this.count < 0) {
						throw new IllegalStateException("count " + this.count + " is not ready");
					}
				}
				public int increment() {
					return this.count += 100;
				}
				public String describe() {
					return "v3:" + this.count;
				}
				public Object previous() {
					return null;
				}
			""");

	@Test
	void noArgMethodSeesTheKeptState(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Counter", COUNTER_V1);
			Reloads.runner(classes, "demo.Config").run((context) -> {
				Object counter = context.getBean("counter");
				call(counter, "increment");
				call(counter, "increment");
				classes.compile("demo.Counter", COUNTER_NO_ARG);
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.outcome()).isEqualTo(ReloadRecord.Outcome.RELOADED);
				assertThat(record.fields().kept()).containsExactly("count");
				assertThat(record.fields().reset()).containsExactly("summary");
				assertThat(call(counter, "describe")).isEqualTo("v2:2 reloaded at count 2");
			});
		}
	}

	@Test
	void methodWithParameterReceivesThePreviousInstance(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Counter", COUNTER_V1);
			Reloads.runner(classes, "demo.Config").run((context) -> {
				Object counter = context.getBean("counter");
				call(counter, "increment");
				call(counter, "increment");
				call(counter, "increment");
				classes.compile("demo.Counter", COUNTER_PREVIOUS);
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.outcome()).isEqualTo(ReloadRecord.Outcome.RELOADED);
				Object previous = call(counter, "previous");
				ClassLoader newLoader = (ClassLoader) call(counter, "classLoader");
				assertThat(previous).isNotNull();
				assertThat(previous).isNotSameAs(counter);
				assertThat(previous.getClass().getName()).isEqualTo("demo.Counter");
				assertThat(previous.getClass()).isSameAs(classes.load("demo.Counter"));
				assertThat(previous.getClass().getClassLoader()).isNotSameAs(newLoader);
				assertThat(newLoader).isInstanceOf(GenerationClassLoader.class);
				assertThat(ReflectionTestUtils.getField(previous, "count")).isEqualTo(3);
			});
		}
	}

	@Test
	void throwingMethodFailsTheReloadAndTheOldGenerationKeepsServing(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Counter", COUNTER_V1);
			Reloads.runner(classes, "demo.Config").run((context) -> {
				HotReloadEngine engine = context.getBean(HotReloadEngine.class);
				Object counter = context.getBean("counter");
				call(counter, "increment");
				call(counter, "increment");
				classes.compile("demo.Counter", COUNTER_THROWING);
				ReloadRecord failed = Reloads.awaitRecords(context, 1);
				assertThat(failed.outcome()).isEqualTo(ReloadRecord.Outcome.FAILED);
				assertThat(failed.generation()).isEqualTo(1);
				assertThat(failed.failure()).isNotNull();
				assertThat(failed.failure().type()).isEqualTo("IllegalStateException");
				assertThat(failed.failure().message()).isEqualTo("count 2 is not ready");
				assertThat(failed.fields()).isEqualTo(ReloadRecord.FieldReport.NONE);
				assertThat(engine.bean("counter").generation()).isEqualTo(1);
				assertThat(call(counter, "describe")).isEqualTo("v1:2");
				assertThat(call(counter, "increment")).isEqualTo(3);
				classes.compile("demo.Counter", COUNTER_FIXED);
				ReloadRecord reloaded = Reloads.awaitRecords(context, 2);
				assertThat(reloaded.outcome()).isEqualTo(ReloadRecord.Outcome.RELOADED);
				assertThat(reloaded.generation()).isEqualTo(2);
				assertThat(reloaded.fields().kept()).containsExactly("count");
				assertThat(call(counter, "describe")).isEqualTo("v3:3");
				assertThat(call(counter, "increment")).isEqualTo(103);
				assertThat(context.getBean(HotReloader.class).history()).extracting(ReloadRecord::outcome)
					.containsExactly(ReloadRecord.Outcome.RELOADED, ReloadRecord.Outcome.FAILED);
			});
		}
	}

	// Every version has the same count field and classLoader() method, through which the
	// tests tell the generations apart
	private static String counter(String members) {
		return """
				package demo;
				@org.springframework.stereotype.Component
				@dev.hotreload.HotReloadable
				public class Counter {
					private int count;
				%s
					public ClassLoader classLoader() {
						return getClass().getClassLoader();
					}
				}
				""".formatted(members);
	}

}
