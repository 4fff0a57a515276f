package dev.hotreload.reload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.testsupport.Counters;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import dev.hotreload.testsupport.TestCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A class file written while the application starts, after its bean was created and
 * before the watcher registered, is not lost: the bean is reloaded once the watcher runs.
 */
class ChangeWhileStartingTests {

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	// Created after the counter, which it depends on: it saves version 2 of the counter's
	// class file, as an IDE does when the developer saves while the application starts.
	private static final String SAVER = """
			package demo;
			@org.springframework.stereotype.Component
			public class Saver {
				public Saver(Counter counter) throws java.io.IOException {
					java.nio.file.Path target = java.nio.file.Path.of(System.getProperty("demo.counter.target"));
					java.nio.file.Files.copy(java.nio.file.Path.of(System.getProperty("demo.counter.v2")), target,
							java.nio.file.StandardCopyOption.REPLACE_EXISTING);
				}
			}
			""";

	@Test
	void classFileSavedWhileTheApplicationStartsIsReloaded(@TempDir Path temp) throws Exception {
		Path staging = Files.createDirectories(temp.resolve("staging"));
		TestCompiler.compile(staging, Map.of("demo.Counter", Counters.countingByOne("v2")));
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Counter", Counters.countingByOne("v1"), "demo.Saver", SAVER);
			Reloads.runner(classes, "demo.Config")
				.withSystemProperties("demo.counter.v2=" + staging.resolve("demo/Counter.class"),
						"demo.counter.target=" + classes.directory().resolve("demo/Counter.class"))
				.run((context) -> {
					Object counter = context.getBean("counter");
					await().atMost(Duration.ofSeconds(10)).until(() -> call(counter, "describe").equals("v2:0"));
					ReloadRecord record = Reloads.awaitRecords(context, 1);
					assertThat(record.outcome()).isEqualTo(Outcome.RELOADED);
					assertThat(record.bean()).isEqualTo("counter");
				});
		}
	}

}
