package dev.hotreload.reload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Category;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.ReloadRecord.Verdict;
import dev.hotreload.refresh.PendingRefresh;
import dev.hotreload.refresh.PendingRefresh.PendingClass;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import dev.hotreload.testsupport.UnverifiableClassFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A class that is no reloadable bean's, used by a reloadable bean and by a plain bean:
 * redefined in place when its shape is unchanged, left waiting for a refresh otherwise.
 */
@ExtendWith(OutputCaptureExtension.class)
class InPlaceRedefinitionTests {

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	private static final String FORMATTER = """
			package demo;
			public class Formatter {
				private int uses;
				public String format(String text) { uses++; return %s; }
				public int uses() { return uses; }
			}
			""";

	private static final String GREETER = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Greeter {
				public String greet(String name) { return Formatter.shared().format("Hello " + name); }
			}
			""";

	private static final String SHARED_FORMATTER = """
			package demo;
			public class Formatter {
				private static final Formatter SHARED = new Formatter();
				private int uses;
				public static Formatter shared() { return SHARED; }
				public String format(String text) { uses++; return %s; }
				public int uses() { return uses; }
			}
			""";

	private static final String AUDIT = """
			package demo;
			@org.springframework.stereotype.Component
			public class Audit {
				private final Formatter formatter = new Formatter();
				public String tag(String text) { return formatter.format(text); }
				public Object formatter() { return formatter; }
			}
			""";

	private static final String BRACKETS = FORMATTER.formatted("\"[\" + text + \"]\"");

	@Test
	void helperOfAReloadableAndOfAPlainBeanIsRedefinedKeepingIdentityAndState(@TempDir Path temp, CapturedOutput output)
			throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Formatter", SHARED_FORMATTER.formatted("\"[\" + text + \"]\""),
					"demo.Greeter", GREETER, "demo.Audit", AUDIT);
			Reloads.runner(classes, "demo.Config").run((context) -> {
				Object greeter = context.getBean("greeter");
				Object audit = context.getBean("audit");
				Object formatter = call(audit, "formatter");
				assertThat(call(greeter, "greet", "Ada")).isEqualTo("[Hello Ada]");
				assertThat(call(audit, "tag", "x")).isEqualTo("[x]");
				classes.compile("demo.Formatter", SHARED_FORMATTER.formatted("\"<\" + text + \">#\" + uses"));
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.outcome()).isEqualTo(Outcome.REDEFINED);
				assertThat(record.bean()).isNull();
				assertThat(record.classes()).containsExactly("demo.Formatter");
				assertThat(record.verdicts())
					.containsExactly(new Verdict("demo.Formatter", Category.REDEFINE, "shape unchanged"));
				assertThat(call(greeter, "greet", "Ada")).isEqualTo("<Hello Ada>#2");
				assertThat(call(audit, "tag", "x")).isEqualTo("<x>#2");
				assertThat(context.getBean("audit")).isSameAs(audit);
				assertThat(call(audit, "formatter")).isSameAs(formatter);
				assertThat(call(formatter, "uses")).isEqualTo(2);
				assertThat(output.getAll()).containsPattern("Redefined 1 class in place in [0-9.]+ ms: demo.Formatter");
			});
		}
	}

	@Test
	void shapeChangeWaitsForARefreshAndThePreviousCodeKeepsServing(@TempDir Path temp, CapturedOutput output)
			throws Exception {
		try (ReloadableClasses classes = firstVersion(temp)) {
			Reloads.runner(classes, "demo.Config").run((context) -> {
				Object audit = context.getBean("audit");
				assertThat(call(audit, "tag", "x")).isEqualTo("[x]");
				classes.compile("demo.Formatter", FORMATTER.formatted("\"<\" + text + \">\"")
					.replace("public int uses()", "public boolean used() { return uses > 0; } public int uses()"));
				PendingRefresh pendingRefresh = context.getBean(PendingRefresh.class);
				String reason = "changed shape: method used() added";
				await().untilAsserted(() -> assertThat(pendingRefresh.classes())
					.containsExactly(new PendingClass("demo.Formatter", reason)));
				assertThat(output.getAll()).contains("WARN")
					.contains(
							"Changed classes need a full refresh, and the previous code keeps serving: demo.Formatter ("
									+ reason + ")");
				assertThat(call(audit, "tag", "x")).isEqualTo("[x]");
				assertThat(context.getBean(HotReloader.class).history()).isEmpty();
				// Back to the running shape: redefined after all, and no longer pending.
				classes.compile("demo.Formatter", FORMATTER.formatted("\"(\" + text + \")\""));
				assertThat(Reloads.awaitRecords(context, 1).outcome()).isEqualTo(Outcome.REDEFINED);
				assertThat(call(audit, "tag", "x")).isEqualTo("(x)");
				assertThat(pendingRefresh.classes()).isEmpty();
			});
		}
	}

	@Test
	void plainBeanWhoseNewBodyCallsAMethodThatDoesNotRunWaitsForTheRefreshToo(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = firstVersion(temp)) {
			Reloads.runner(classes, "demo.Config")
				.withPropertyValues("hotreload.watch.quiet-period=300ms")
				.run((context) -> {
					Object audit = context.getBean("audit");
					assertThat(call(audit, "tag", "x")).isEqualTo("[x]");
					// Saved together: the entity-like helper gets a method, the plain
					// bean
					// (same shape) starts calling it.
					classes.compile("demo.Formatter", BRACKETS.replace("public int uses()",
							"public String shout(String text) { return text.toUpperCase(); } public int uses()"),
							"demo.Audit", AUDIT.replace("formatter.format(text)", "formatter.shout(text)"));
					PendingRefresh pendingRefresh = context.getBean(PendingRefresh.class);
					String formatterReason = "changed shape: method shout(java.lang.String) added";
					await().untilAsserted(() -> assertThat(pendingRefresh.classes()).containsExactly(
							new PendingClass("demo.Audit",
									"Audit's new version calls Formatter.shout(String), which the running Formatter "
											+ "does not have: Formatter " + formatterReason),
							new PendingClass("demo.Formatter", formatterReason)));
					assertThat(context.getBean(HotReloader.class).history()).isEmpty();
					assertThat(call(audit, "tag", "x")).isEqualTo("[x]");
				});
		}
	}

	@Test
	void redefinitionTheJvmRefusesIsAFailedRecordWithItsReason(@TempDir Path temp, CapturedOutput output)
			throws Exception {
		try (ReloadableClasses classes = firstVersion(temp)) {
			Reloads.runner(classes, "demo.Config").run((context) -> {
				Object audit = context.getBean("audit");
				assertThat(call(audit, "tag", "x")).isEqualTo("[x]");
				Path classFile = classes.classFile("demo.Formatter");
				byte[] unverifiable = UnverifiableClassFiles.returningIntAsObject(Files.readAllBytes(classFile),
						"format");
				Path staged = Files.write(classFile.resolveSibling("Formatter.tmp"), unverifiable);
				Files.move(staged, classFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.outcome()).isEqualTo(Outcome.FAILED);
				assertThat(record.bean()).isNull();
				assertThat(record.classes()).containsExactly("demo.Formatter");
				assertThat(record.failure()).isNotNull().satisfies((failure) -> {
					assertThat(failure.type()).isEqualTo("VerifyError");
					assertThat(failure.message()).contains("verifier rejected the new class file of demo.Formatter");
				});
				assertThat(record.verdicts()).extracting(Verdict::category).containsExactly(Category.REDEFINE);
				assertThat(output.getAll()).contains("Redefinition of demo.Formatter failed after")
					.contains("the previous code keeps serving: VerifyError");
				assertThat(call(audit, "tag", "x")).isEqualTo("[x]");
			});
		}
	}

	@Test
	void withoutInstrumentationChangedClassesWaitForARefresh(@TempDir Path temp, CapturedOutput output)
			throws Exception {
		try (ReloadableClasses classes = firstVersion(temp)) {
			Reloads.runner(classes, "demo.Config")
				.withPropertyValues("hotreload.redefine.self-attach=false")
				.run((context) -> {
					Object audit = context.getBean("audit");
					assertThat(call(audit, "tag", "x")).isEqualTo("[x]");
					await().untilAsserted(() -> assertThat(output.getAll())
						.contains("Hot reload cannot redefine classes in place: the JVM was not started with "
								+ "-javaagent:<hotreload jar> and hotreload.redefine.self-attach is false. "
								+ "Changed classes that are not a reloadable bean's need a full refresh instead"));
					classes.compile("demo.Formatter", FORMATTER.formatted("\"<\" + text + \">\""));
					PendingRefresh pendingRefresh = context.getBean(PendingRefresh.class);
					await().untilAsserted(() -> assertThat(pendingRefresh.classes())
						.containsExactly(new PendingClass("demo.Formatter", InPlaceChanges.NO_INSTRUMENTATION)));
					assertThat(call(audit, "tag", "x")).isEqualTo("[x]");
					assertThat(output.getAll().lines().filter((line) -> line.contains("cannot redefine classes")))
						.hasSize(1);
				});
		}
	}

	// What most tests start from: the audit tags through a formatter that puts brackets
	// around the text.
	private static ReloadableClasses firstVersion(Path temp) {
		return new ReloadableClasses(temp).compile("demo.Config", CONFIG, "demo.Formatter", BRACKETS, "demo.Audit",
				AUDIT);
	}

}
