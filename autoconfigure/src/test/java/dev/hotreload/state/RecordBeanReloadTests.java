package dev.hotreload.state;

import java.nio.file.Path;

import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.fixtures.Greeter;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record bean reloads: its components are what its canonical constructor was given
 * (constructor injection), so a reload carries nothing into them and the new instance
 * keeps what the bean factory gave its constructor; non-final static fields are carried
 * as for any class.
 */
class RecordBeanReloadTests {

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	private static final String PLUGIN = """
			package demo;
			public interface Plugin {
				String name();
			}
			""";

	private static final String HELLO_PLUGIN = """
			package demo;
			@org.springframework.stereotype.Component
			public class HelloPlugin implements Plugin {
				public String name() { return "hello"; }
			}
			""";

	private static final String RECORD_BEAN = """
			package demo;
			import java.util.List;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public record RecordBean(List<Plugin> plugins) implements dev.hotreload.fixtures.Greeter {
				static int greetings;
				public String greet(String name) {
					greetings++;
					return "%s " + name + " " + plugins.get(0).name() + " #" + greetings;
				}
			}
			""";

	@Test
	void recordBeanReloadsWithItsComponentsFromTheConstructor(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Plugin", PLUGIN, "demo.HelloPlugin", HELLO_PLUGIN,
					"demo.RecordBean", RECORD_BEAN.formatted("v1"));
			Reloads.runner(classes, "demo.Config").run((context) -> {
				Greeter greeter = context.getBean("recordBean", Greeter.class);
				assertThat(greeter.greet("ann")).isEqualTo("v1 ann hello #1");
				classes.compile("demo.RecordBean", RECORD_BEAN.formatted("v2"));
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.outcome()).isEqualTo(Outcome.RELOADED);
				assertThat(record.failure()).isNull();
				assertThat(record.fields().kept()).containsExactly("greetings");
				assertThat(record.fields().reset()).isEmpty();
				assertThat(greeter.greet("bob")).isEqualTo("v2 bob hello #2");
			});
		}
	}

}
