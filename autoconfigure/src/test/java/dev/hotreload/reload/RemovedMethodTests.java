package dev.hotreload.reload;

import java.nio.file.Path;
import java.util.List;

import dev.hotreload.HotReloader;
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
 * A new version of a bean that lacks a method its callers use through the proxy never
 * takes over: the linkage check names the method, the previous generation keeps serving
 * every method, and the bean waits for a full refresh until the method is back.
 */
class RemovedMethodTests {

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	private static final String GREETER_V1 = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Greeter {
				public String greet(String name) { return "Hello " + name; }
				public String farewell(String name) { return "Bye " + name; }
			}
			""";

	private static final String GREETER_V2 = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Greeter {
				public String farewell(String name) { return "See you " + name; }
			}
			""";

	private static final String RECEPTION = """
			package demo;
			@org.springframework.stereotype.Component
			public class Reception {
				private final Greeter greeter;
				public Reception(Greeter greeter) { this.greeter = greeter; }
				public String welcome(String name) { return greeter.greet(name); }
				public String dismiss(String name) { return greeter.farewell(name); }
			}
			""";

	private static final String GREETER_V3 = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Greeter {
				public String greet(String name) { return "Hi " + name; }
				public String farewell(String name) { return "See you " + name; }
			}
			""";

	@Test
	void newVersionWithoutAMethodCallersUseDoesNotTakeOver(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Greeter", GREETER_V1, "demo.Reception", RECEPTION);
			Reloads.runner(classes, "demo.Config").run((context) -> {
				Object reception = context.getBean("reception");
				HotReloader reloader = context.getBean(HotReloader.class);
				PendingRefresh pendingRefresh = context.getBean(PendingRefresh.class);
				assertThat(call(reception, "welcome", "Ada")).isEqualTo("Hello Ada");
				classes.compile("demo.Greeter", GREETER_V2);
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				String problem = "Greeter generation 2 no longer has Greeter.greet(String), which callers reach "
						+ "through the bean's proxy: it was removed or its parameters changed";
				assertThat(record.outcome()).isEqualTo(Outcome.FAILED);
				assertThat(record.generation()).isEqualTo(1);
				assertThat(record.failure()).isEqualTo(new Failure("IncompatibleChange", problem, List.of()));
				assertThat(record.verdicts()).containsExactly(new Verdict("demo.Greeter", Category.REFRESH, problem));
				assertThat(pendingRefresh.classes()).containsExactly(new PendingClass("demo.Greeter", problem));
				assertThat(call(reception, "welcome", "Ada")).isEqualTo("Hello Ada");
				assertThat(call(reception, "dismiss", "Ada")).isEqualTo("Bye Ada");
				assertThat(reloader.reload("greeter").outcome()).as("a forced reload is checked too")
					.isEqualTo(Outcome.FAILED);
				classes.compile("demo.Greeter", GREETER_V3);
				ReloadRecord restored = Reloads.awaitRecords(context, 3);
				assertThat(restored.outcome()).isEqualTo(Outcome.RELOADED);
				assertThat(restored.generation()).isEqualTo(2);
				assertThat(call(reception, "welcome", "Ada")).isEqualTo("Hi Ada");
				assertThat(call(reception, "dismiss", "Ada")).isEqualTo("See you Ada");
				assertThat(pendingRefresh.classes()).isEmpty();
			});
		}
	}

}
