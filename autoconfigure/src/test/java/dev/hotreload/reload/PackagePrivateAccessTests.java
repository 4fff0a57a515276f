package dev.hotreload.reload;

import java.nio.file.Path;

import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A reloaded class that calls a package-private method of a class of the application
 * fails with an {@link IllegalAccessError} that names the member and tells how to fix it,
 * while its other methods keep working.
 */
class PackagePrivateAccessTests {

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	private static final String DECORATOR = """
			package demo;
			@org.springframework.stereotype.Component
			public class Decorator {
				String decorate(String text) { return "*" + text + "*"; }
			}
			""";

	private static final String GREETER = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Greeter {
				private final Decorator decorator;
				public Greeter(Decorator decorator) { this.decorator = decorator; }
				public String greet(String name) { return decorator.decorate("%1$s " + name); }
				public String plain(String name) { return "%1$s " + name; }
			}
			""";

	@Test
	void callOfPackagePrivateMethodFailsWithRemedy(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Decorator", DECORATOR, "demo.Greeter",
					GREETER.formatted("Hello"));
			Reloads.runner(classes, "demo.Config").run((context) -> {
				Object greeter = context.getBean("greeter");
				assertThat(call(greeter, "greet", "Ada")).isEqualTo("*Hello Ada*");
				classes.compile("demo.Greeter", GREETER.formatted("Hi"));
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.outcome()).isEqualTo(Outcome.RELOADED);
				assertThat(record.generation()).isEqualTo(2);
				assertThatExceptionOfType(IllegalAccessError.class).isThrownBy(() -> call(greeter, "greet", "Ada"))
					.withMessageContaining("Generation 2 of bean 'greeter' cannot reach a package-private member")
					.withMessageContaining("demo.Decorator.decorate(java.lang.String)")
					.withMessageContaining("make the member public or protected, or run a full refresh")
					.withCauseInstanceOf(IllegalAccessError.class);
				assertThat(call(greeter, "plain", "Ada")).isEqualTo("Hi Ada");
			});
		}
	}

}
