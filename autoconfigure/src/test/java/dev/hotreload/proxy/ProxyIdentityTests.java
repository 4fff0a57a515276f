package dev.hotreload.proxy;

import java.nio.file.Path;

import dev.hotreload.ReloadRecord;
import dev.hotreload.fixtures.Greeter;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code equals}, {@code hashCode} and {@code toString} of a reloadable proxy reach
 * the current generation, for class-based and for interface-based proxies.
 */
class ProxyIdentityTests {

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	// Equal to any instance of a class of the same name with the same text, whatever its
	// generation.
	private static final String TOKEN = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Token {
				private String value = "alpha";
				public void rename(String value) {
					this.value = value;
				}
				@Override
				public boolean equals(Object other) {
					return other != null && other.getClass().getName().equals(getClass().getName())
							&& other.toString().equals(toString());
				}
				@Override
				public int hashCode() {
					return %d * this.value.hashCode();
				}
				@Override
				public String toString() {
					return "Token %s " + this.value;
				}
			}
			""";

	// Equal only to the string that names its version, so that a test can tell which
	// generation answered.
	private static final String FINAL_GREETER = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public final class FinalGreeter implements dev.hotreload.fixtures.Greeter {
				@Override
				public String greet(String name) {
					return "Hi " + name;
				}
				@Override
				public boolean equals(Object other) {
					return "%1$s".equals(other);
				}
				@Override
				public int hashCode() {
					return %2$d;
				}
				@Override
				public String toString() {
					return "FinalGreeter %1$s";
				}
			}
			""";

	@Test
	void classBasedProxyReachesTheCurrentTarget(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Token", TOKEN.formatted(1, "v1"));
			Reloads.runner(classes, "demo.Config").run((context) -> {
				Object token = context.getBean("token");
				Object plainFirstVersion = classes.load("demo.Token").getDeclaredConstructor().newInstance();
				assertThat(AopUtils.isCglibProxy(token)).isTrue();
				assertThat(token.equals(token)).isTrue();
				assertThat(token.toString()).isEqualTo("Token v1 alpha");
				assertThat(token.hashCode()).isEqualTo("alpha".hashCode());
				assertThat(token.equals(plainFirstVersion)).isTrue();
				assertThat(token.equals(null)).isFalse();
				classes.compile("demo.Token", TOKEN.formatted(31, "v2"));
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.outcome()).isEqualTo(ReloadRecord.Outcome.RELOADED);
				assertThat(token.toString()).isEqualTo("Token v2 alpha");
				assertThat(token.hashCode()).isEqualTo(31 * "alpha".hashCode());
				assertThat(token.equals(token)).isTrue();
				assertThat(token.equals(plainFirstVersion)).isFalse();
				Class<?> secondVersion = ((Advised) token).getTargetSource().getTarget().getClass();
				assertThat(secondVersion).isNotSameAs(classes.load("demo.Token"));
				assertThat(token.equals(secondVersion.getDeclaredConstructor().newInstance())).isTrue();
				call(token, "rename", "beta");
				assertThat(token.toString()).isEqualTo("Token v2 beta");
				assertThat(token.hashCode()).isEqualTo(31 * "beta".hashCode());
			});
		}
	}

	@Test
	void interfaceBasedProxyReachesTheCurrentTarget(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.FinalGreeter", FINAL_GREETER.formatted("one", 1));
			Reloads.runner(classes, "demo.Config").run((context) -> {
				Greeter greeter = context.getBean(Greeter.class);
				assertThat(AopUtils.isJdkDynamicProxy(greeter)).isTrue();
				assertThat(greeter.equals(greeter)).isTrue();
				assertThat(greeter.equals("one")).isTrue();
				assertThat(greeter.hashCode()).isEqualTo(1);
				assertThat(greeter.toString()).isEqualTo("FinalGreeter one");
				classes.compile("demo.FinalGreeter", FINAL_GREETER.formatted("two", 2));
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.outcome()).isEqualTo(ReloadRecord.Outcome.RELOADED);
				assertThat(greeter.equals(greeter)).isTrue();
				assertThat(greeter.equals("one")).isFalse();
				assertThat(greeter.equals("two")).isTrue();
				assertThat(greeter.hashCode()).isEqualTo(2);
				assertThat(greeter.toString()).isEqualTo("FinalGreeter two");
				assertThat(greeter.greet("Ada")).isEqualTo("Hi Ada");
			});
		}
	}

}
