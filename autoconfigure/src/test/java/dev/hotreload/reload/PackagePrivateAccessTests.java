package dev.hotreload.reload;

import java.nio.file.Path;
import java.util.List;

import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Category;
import dev.hotreload.ReloadRecord.Failure;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.ReloadRecord.Verdict;
import dev.hotreload.refresh.PendingRefresh;
import dev.hotreload.refresh.PendingRefresh.PendingClass;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new generation runs in a runtime package of its own, so one that calls a
 * package-private method of a class of the application would fail at every call: it never
 * takes over, the previous generation keeps serving, and the bean waits for a full
 * refresh until it calls only what it can reach.
 */
class PackagePrivateAccessTests {

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	private static final String DECORATOR = """
			package demo;
			@org.springframework.stereotype.Component
			public class Decorator {
				String decorate(String text) { return "*" + text + "*"; }
				public String frame(String text) { return "[" + text + "]"; }
			}
			""";

	private static final String GREETER = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Greeter {
				private final Decorator decorator;
				public Greeter(Decorator decorator) { this.decorator = decorator; }
				public String greet(String name) { return decorator.%s("%s " + name); }
				public String plain(String name) { return "%2$s " + name; }
			}
			""";

	@Test
	void generationThatCallsAPackagePrivateMethodDoesNotTakeOver(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Decorator", DECORATOR, "demo.Greeter",
					GREETER.formatted("decorate", "Hello"));
			Reloads.runner(classes, "demo.Config").run((context) -> {
				Object greeter = context.getBean("greeter");
				PendingRefresh pendingRefresh = context.getBean(PendingRefresh.class);
				assertThat(call(greeter, "greet", "Ada")).isEqualTo("*Hello Ada*");
				classes.compile("demo.Greeter", GREETER.formatted("decorate", "Hi"));
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				String problem = "Greeter generation 2 calls demo.Decorator.decorate(String), which is "
						+ "package-private, and a new generation runs in a runtime package of its own: make it "
						+ "public or reload the application with a refresh";
				assertThat(record.outcome()).isEqualTo(Outcome.FAILED);
				assertThat(record.generation()).isEqualTo(1);
				assertThat(record.failure()).isEqualTo(new Failure("IncompatibleChange", problem, List.of()));
				assertThat(record.verdicts()).containsExactly(new Verdict("demo.Greeter", Category.REFRESH, problem));
				assertThat(pendingRefresh.classes()).containsExactly(new PendingClass("demo.Greeter", problem));
				assertThat(call(greeter, "greet", "Ada")).isEqualTo("*Hello Ada*");
				assertThat(call(greeter, "plain", "Ada")).isEqualTo("Hello Ada");
				classes.compile("demo.Greeter", GREETER.formatted("frame", "Hi"));
				ReloadRecord reloaded = Reloads.awaitRecords(context, 2);
				assertThat(reloaded.outcome()).isEqualTo(Outcome.RELOADED);
				assertThat(reloaded.generation()).isEqualTo(2);
				assertThat(call(greeter, "greet", "Ada")).isEqualTo("[Hi Ada]");
				assertThat(call(greeter, "plain", "Ada")).isEqualTo("Hi Ada");
				assertThat(pendingRefresh.classes()).isEmpty();
			});
		}
	}

}
