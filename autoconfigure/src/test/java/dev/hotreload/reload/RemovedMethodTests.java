package dev.hotreload.reload;

import java.nio.file.Path;

import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.proxy.MissingMethodException;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A caller compiled against the first version that invokes a method the new version no
 * longer has gets a {@link MissingMethodException} naming the bean and the method, while
 * the bean's other methods keep working.
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

	@Test
	void callOfRemovedMethodFailsNamingBeanAndMethod(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Greeter", GREETER_V1, "demo.Reception", RECEPTION);
			Reloads.runner(classes, "demo.Config").run((context) -> {
				Object reception = context.getBean("reception");
				Object greeter = context.getBean("greeter");
				assertThat(call(reception, "welcome", "Ada")).isEqualTo("Hello Ada");
				classes.compile("demo.Greeter", GREETER_V2);
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.outcome()).isEqualTo(Outcome.RELOADED);
				assertThat(record.generation()).isEqualTo(2);
				assertThatExceptionOfType(MissingMethodException.class)
					.isThrownBy(() -> call(reception, "welcome", "Ada"))
					.withMessageContaining("Bean 'greeter' has no method greet(java.lang.String) in generation 2")
					.satisfies((ex) -> {
						assertThat(ex.getBeanName()).isEqualTo("greeter");
						assertThat(ex.getMethod()).isEqualTo("greet(java.lang.String)");
					});
				assertThatExceptionOfType(MissingMethodException.class).isThrownBy(() -> call(greeter, "greet", "Ada"))
					.withMessageContaining("Bean 'greeter' has no method greet(java.lang.String)");
				assertThat(call(reception, "dismiss", "Ada")).isEqualTo("See you Ada");
				assertThat(call(greeter, "farewell", "Ada")).isEqualTo("See you Ada");
			});
		}
	}

}
