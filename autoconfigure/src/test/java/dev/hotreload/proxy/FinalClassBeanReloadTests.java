package dev.hotreload.proxy;

import java.lang.reflect.Proxy;
import java.nio.file.Path;

import dev.hotreload.ReloadRecord;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A final bean class cannot be subclassed, so its proxy is a JDK proxy of its interfaces;
 * reloads, {@code equals}, {@code hashCode} and {@code toString} work through it too.
 */
public class FinalClassBeanReloadTests {

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	private static final String NAMER = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public final class Namer implements dev.hotreload.proxy.FinalClassBeanReloadTests.Named {
				private int calls;
				public String name() { calls++; return "%s" + calls; }
				@Override public boolean equals(Object other) { return other instanceof Namer; }
				@Override public int hashCode() { return %d; }
				@Override public String toString() { return "Namer %s"; }
			}
			""";

	@Test
	void finalClassIsReloadedBehindJdkProxy(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Namer", NAMER.formatted("a", 41, "v1"));
			Reloads.runner(classes, "demo.Config").run((context) -> {
				Named named = context.getBean(Named.class);
				assertThat(Proxy.isProxyClass(named.getClass())).isTrue();
				assertThat(named.name()).isEqualTo("a1");
				assertThat(named.hashCode()).isEqualTo(41);
				assertThat(named).hasToString("Namer v1");
				assertThat(named.equals(named)).isTrue();
				classes.compile("demo.Namer", NAMER.formatted("b", 42, "v2"));
				assertThat(Reloads.awaitRecords(context, 1).outcome()).isEqualTo(ReloadRecord.Outcome.RELOADED);
				assertThat(named.name()).isEqualTo("b2");
				assertThat(named.hashCode()).isEqualTo(42);
				assertThat(named).hasToString("Namer v2");
				assertThat(named.equals(named)).isTrue();
				assertThat(named.equals("other")).isFalse();
			});
		}
	}

	/**
	 * The view of the bean that callers compiled against the first version use.
	 */
	public interface Named {

		/**
		 * Return a name.
		 * @return the name
		 */
		String name();

	}

}
