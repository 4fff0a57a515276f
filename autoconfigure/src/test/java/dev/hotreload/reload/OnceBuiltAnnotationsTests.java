package dev.hotreload.reload;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

import dev.hotreload.testsupport.TestCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OnceBuiltAnnotations}, over class files compiled from source.
 */
class OnceBuiltAnnotationsTests {

	private static final String REASON = ": Spring builds its advice once per bean; only a refresh applies it";

	@TempDir
	Path temp;

	@Test
	void addedMethodAnnotationIsAChange() throws Exception {
		assertThat(changes(greeter("", "public String greet() { return \"hello\"; }"), greeter("",
				"@org.springframework.cache.annotation.Cacheable(\"greetings\") public String greet() { return \"hello\"; }")))
			.containsExactly("@Cacheable on method greet() added" + REASON);
	}

	@Test
	void removedMethodAnnotationIsAChange() throws Exception {
		assertThat(changes(greeter("",
				"@org.springframework.transaction.annotation.Transactional public String greet() { return \"hello\"; }"),
				greeter("", "public String greet() { return \"hello\"; }")))
			.containsExactly("@Transactional on method greet() removed" + REASON);
	}

	@Test
	void changedAttributeIsAChange() throws Exception {
		assertThat(changes(greeter("",
				"@org.springframework.scheduling.annotation.Scheduled(fixedDelay = 1000) public void tick() { }"),
				greeter("",
						"@org.springframework.scheduling.annotation.Scheduled(fixedDelay = 2000) public void tick() { }")))
			.containsExactly("@Scheduled on method tick() changed" + REASON);
	}

	@Test
	void changedArrayAttributeIsAChange() throws Exception {
		assertThat(changes(greeter("",
				"@org.springframework.context.event.EventListener(classes = String.class) public void on(Object event) { }"),
				greeter("",
						"@org.springframework.context.event.EventListener(classes = { String.class, Integer.class }) "
								+ "public void on(Object event) { }")))
			.containsExactly("@EventListener on method on() changed" + REASON);
	}

	@Test
	void changedSecurityExpressionIsAChange() throws Exception {
		TestCompiler.compileToBytes(this.temp, "org.springframework.security.access.prepost.PreAuthorize", """
				package org.springframework.security.access.prepost;
				@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
				public @interface PreAuthorize {
					String value();
				}
				""");
		assertThat(changes(greeter("",
				"@org.springframework.security.access.prepost.PreAuthorize(\"hasRole('USER')\") public String greet() { return \"hello\"; }"),
				greeter("",
						"@org.springframework.security.access.prepost.PreAuthorize(\"hasRole('ADMIN')\") public String greet() { return \"hello\"; }")))
			.containsExactly("@PreAuthorize on method greet() changed" + REASON);
	}

	@Test
	void sameAnnotationsWithOtherBodyAreNoChange() throws Exception {
		String annotations = "@org.springframework.cache.annotation.Cacheable(\"greetings\") "
				+ "@org.springframework.transaction.annotation.Transactional(readOnly = true) "
				+ "@org.springframework.scheduling.annotation.Async ";
		assertThat(changes(
				greeter("@org.springframework.transaction.annotation.Transactional",
						annotations + "public String greet() { return \"hello\"; }"),
				greeter("@org.springframework.transaction.annotation.Transactional", annotations
						+ "public String greet() { return \"hi\" + helper(); } private String helper() { return \"!\"; }")))
			.isEmpty();
	}

	@Test
	void otherAnnotationsAreIgnored() throws Exception {
		assertThat(changes(greeter("", "public String greet() { return \"hello\"; }"),
				greeter("@Deprecated", "@Deprecated public String greet() { return \"hello\"; }")))
			.isEmpty();
	}

	@Test
	void addedClassAnnotationIsAChange() throws Exception {
		assertThat(changes(greeter("", "public String greet() { return \"hello\"; }"),
				greeter("@org.springframework.transaction.annotation.Transactional",
						"public String greet() { return \"hello\"; }")))
			.containsExactly("@Transactional on class Greeter added" + REASON);
	}

	@Test
	void composedAnnotationIsComparedByWhatItDeclares() throws Exception {
		TestCompiler.compileToBytes(this.temp, "demo.ReadOnly", """
				package demo;
				@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
				@org.springframework.transaction.annotation.Transactional(readOnly = true)
				public @interface ReadOnly {
				}
				""");
		assertThat(changes(greeter("", "public String greet() { return \"hello\"; }"),
				greeter("", "@ReadOnly public String greet() { return \"hello\"; }")))
			.containsExactly("@Transactional on method greet() added" + REASON);
	}

	private List<String> changes(byte[] previous, byte[] next) throws Exception {
		try (URLClassLoader loader = new URLClassLoader(new URL[] { this.temp.toUri().toURL() },
				getClass().getClassLoader())) {
			return new OnceBuiltAnnotations(loader).changes(previous, next);
		}
	}

	private byte[] greeter(String classAnnotations, String members) {
		return TestCompiler.compileToBytes(this.temp, "demo.Greeter", """
				package demo;
				%s
				public class Greeter {
					%s
				}
				""".formatted(classAnnotations, members));
	}

}
