package dev.hotreload.redefine;

import java.nio.file.Path;

import dev.hotreload.testsupport.TestCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unit tests of {@link StartupCode}: two compiled versions of a class, and which of their
 * changes are to code that Spring runs only at startup.
 */
class StartupCodeTests {

	private static final String CONFIG = """
			package demo;
			@org.springframework.context.annotation.Configuration
			public class AppConfig {
				public String describe() { return "plain"; }
				@org.springframework.context.annotation.Bean
				public String appName() { return "config-v1" + suffix(); }
				@org.springframework.context.annotation.Bean
				public Runnable task() { return () -> System.out.println("task"); }
				@org.springframework.context.annotation.Bean
				public java.util.List<String> names() {
					java.util.List<String> names = new java.util.ArrayList<>();
					java.util.List.of("a", "b").forEach((name) -> names.add(name));
					return names;
				}
				private String suffix() { return ""; }
			}
			""";

	private static final String BEAN = """
			package demo;
			public class Audit implements org.springframework.beans.factory.InitializingBean {
				private final String tag = "t";
				@jakarta.annotation.PostConstruct
				void init() { System.out.println("init"); }
				@Override
				public void afterPropertiesSet() { System.out.println("set"); }
				public String tag() { return tag; }
			}
			""";

	private static final String PLAIN = """
			package demo;
			public class Formatter {
				private final String prefix = "[";
				public String format(String text) { return prefix + text; }
			}
			""";

	@TempDir
	Path temp;

	@Test
	void sameCodeChangesNothing() {
		assertThat(changes("demo.AppConfig", CONFIG, CONFIG)).isEmpty();
		assertThat(startupCode("demo.AppConfig", CONFIG).hasStartupMethods()).isTrue();
	}

	@Test
	void changedBeanMethodBody() {
		assertThat(changes("demo.AppConfig", CONFIG, CONFIG.replace("config-v1", "config-v2")))
			.containsExactly("@Bean method appName() of a configuration class runs only at startup");
	}

	@Test
	void changedOtherMethodChangesNoStartupCodeEvenWhenConstantsMove() {
		// A new constant in a method before appName() moves every later constant pool
		// index.
		assertThat(changes("demo.AppConfig", CONFIG,
				CONFIG.replace("return \"plain\";", "return \"plain\" + \"another\".length() + 42L;")))
			.isEmpty();
	}

	@Test
	void changedHelperCalledByABeanMethod() {
		assertThat(changes("demo.AppConfig", CONFIG, CONFIG.replace("return \"\";", "return \"!\";")))
			.containsExactly("method suffix() is called by @Bean method appName() of a configuration class, "
					+ "which runs only at startup");
	}

	@Test
	void changedLambdaOfABeanMethod() {
		assertThat(changes("demo.AppConfig", CONFIG, CONFIG.replace("names.add(name)", "names.add(name + 1)")))
			.containsExactly("lambda lambda$names$1(java.util.List, java.lang.String) is called by "
					+ "@Bean method names() of a configuration class, which runs only at startup");
	}

	@Test
	void changedBeanAnnotation() {
		assertThat(changes("demo.AppConfig", CONFIG,
				CONFIG.replace("@org.springframework.context.annotation.Bean\n\tpublic String appName()",
						"@org.springframework.context.annotation.Bean(\"name\")\n\tpublic String appName()")))
			.containsExactly("@Bean method appName() of a configuration class runs only at startup");
	}

	@Test
	void methodThatBecomesABeanMethod() {
		assertThat(changes("demo.AppConfig", CONFIG,
				CONFIG.replace("public String describe()",
						"@org.springframework.context.annotation.Bean public String describe()")))
			.containsExactly("@Bean method describe() of a configuration class runs only at startup");
	}

	@Test
	void changedPostConstructAfterPropertiesSetAndConstructorOfABean() {
		assertThat(changes("demo.Audit", BEAN, BEAN.replace("\"init\"", "\"init2\"")))
			.containsExactly("@PostConstruct method init() runs only at startup");
		assertThat(changes("demo.Audit", BEAN, BEAN.replace("\"set\"", "\"set2\"")))
			.containsExactly("method afterPropertiesSet() runs only at startup");
		assertThat(changes("demo.Audit", BEAN, BEAN.replace("= \"t\"", "= \"u\"")))
			.containsExactly("constructor Audit() of a bean runs only at startup");
		assertThat(changes("demo.Audit", BEAN, BEAN.replace("return tag;", "return tag + 1;"))).isEmpty();
	}

	@Test
	void plainClassHasNoStartupCode() {
		assertThat(startupCode("demo.Formatter", PLAIN).hasStartupMethods()).isFalse();
		assertThat(changes("demo.Formatter", PLAIN, PLAIN.replace("\"[\"", "\"<\""))).isEmpty();
		assertThat(changes("demo.Formatter", PLAIN, PLAIN.replace("prefix + text", "text + prefix"))).isEmpty();
	}

	@Test
	void changedStaticInitializerOfAnyClass() {
		String registry = """
				package demo;
				public class Registry {
					static final java.util.List<String> NAMES = new java.util.ArrayList<>();
					static { NAMES.add("a"); }
					public int size() { return NAMES.size(); }
				}
				""";
		String reason = "static initializer changed: a redefinition does not run it again";
		assertThat(changes("demo.Registry", registry, registry.replace("\"a\"", "\"b\""))).containsExactly(reason);
		assertThat(changes("demo.Registry", registry,
				registry.replace("new java.util.ArrayList<>()", "new java.util.LinkedList<>()")))
			.containsExactly(reason);
		assertThat(changes("demo.Registry", registry,
				registry.replace("return NAMES.size();", "return NAMES.size() + 1;")))
			.isEmpty();
		assertThat(changes("demo.Registry", registry, "// moved down a line\n" + registry))
			.as("line numbers do not count")
			.isEmpty();
	}

	private java.util.List<String> changes(String className, String before, String after) {
		return startupCode(className, before).changesTo(startupCode(className, after));
	}

	private StartupCode startupCode(String className, String source) {
		return StartupCode.read(TestCompiler.compileToBytes(this.temp, className, source));
	}

}
