package dev.hotreload.reload;

import java.nio.file.Path;

import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Category;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.ReloadRecord.Verdict;
import dev.hotreload.refresh.PendingRefresh;
import dev.hotreload.refresh.PendingRefresh.PendingClass;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A class that is no reloadable bean's and whose change is to code that Spring runs only
 * at startup: a {@code @Bean} method of a configuration class, a {@code @PostConstruct}
 * method. Redefined, it would change nothing, so it waits for a refresh; a change to its
 * other methods is still redefined.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupCodeChangeTests {

	private static final String APP_CONFIG = """
			package demo;
			@org.springframework.context.annotation.Configuration
			public class AppConfig {
				@org.springframework.context.annotation.Bean
				public String appName() { return "config-v1"; }
				public String describe() { return "plain-v1"; }
			}
			""";

	private static final String AUDIT = """
			package demo;
			@org.springframework.stereotype.Component
			public class Audit {
				private String tag = "none";
				@jakarta.annotation.PostConstruct
				void init() { tag = "init-v1"; }
				public String tag() { return tag; }
			}
			""";

	@Test
	void changedBeanMethodWaitsForARefreshAndTheBeanKeepsItsValue(@TempDir Path temp, CapturedOutput output)
			throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp).compile("demo.AppConfig", APP_CONFIG)) {
			Reloads.runner(classes, "demo.AppConfig")
				.withPropertyValues("hotreload.refresh.on-unreloadable-change=false")
				.run((context) -> {
					assertThat(context.getBean("appName")).isEqualTo("config-v1");
					classes.compile("demo.AppConfig", APP_CONFIG.replace("config-v1", "config-v2"));
					PendingRefresh pendingRefresh = context.getBean(PendingRefresh.class);
					String reason = "@Bean method appName() of a configuration class runs only at startup";
					await().untilAsserted(() -> assertThat(pendingRefresh.classes())
						.containsExactly(new PendingClass("demo.AppConfig", reason)));
					assertThat(output.getAll()).contains(
							"Changed classes need a full refresh, and the previous code keeps serving: demo.AppConfig ("
									+ reason + ")");
					assertThat(context.getBean(HotReloader.class).history()).isEmpty();
					assertThat(output.getAll()).doesNotContain("Redefined 1 class in place");
					assertThat(context.getBean("appName")).isEqualTo("config-v1");
				});
		}
	}

	@Test
	void changedOtherMethodOfAConfigurationClassIsStillRedefined(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp).compile("demo.AppConfig", APP_CONFIG)) {
			Reloads.runner(classes, "demo.AppConfig").run((context) -> {
				Object config = context.getBean(classes.load("demo.AppConfig"));
				assertThat(call(config, "describe")).isEqualTo("plain-v1");
				classes.compile("demo.AppConfig", APP_CONFIG.replace("plain-v1", "plain-v2"));
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.outcome()).isEqualTo(Outcome.REDEFINED);
				assertThat(record.verdicts())
					.containsExactly(new Verdict("demo.AppConfig", Category.REDEFINE, "shape unchanged"));
				assertThat(call(config, "describe")).isEqualTo("plain-v2");
				assertThat(context.getBean(PendingRefresh.class).classes()).isEmpty();
			});
		}
	}

	@Test
	void changedPostConstructMethodWaitsForARefresh(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp).compile("demo.Config",
				ReloadableClasses.COMPONENT_SCAN_CONFIG, "demo.Audit", AUDIT)) {
			Reloads.runner(classes, "demo.Config").run((context) -> {
				Object audit = context.getBean("audit");
				assertThat(call(audit, "tag")).isEqualTo("init-v1");
				classes.compile("demo.Audit", AUDIT.replace("init-v1", "init-v2"));
				PendingRefresh pendingRefresh = context.getBean(PendingRefresh.class);
				await().untilAsserted(() -> assertThat(pendingRefresh.classes()).containsExactly(
						new PendingClass("demo.Audit", "@PostConstruct method init() runs only at startup")));
				assertThat(context.getBean(HotReloader.class).history()).isEmpty();
				assertThat(call(audit, "tag")).isEqualTo("init-v1");
				// Back to the startup code that runs, a change to another method is
				// redefined and the class is no longer pending.
				classes.compile("demo.Audit", AUDIT.replace("return tag;", "return tag + \"!\";"));
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.outcome()).isEqualTo(Outcome.REDEFINED);
				assertThat(call(audit, "tag")).isEqualTo("init-v1!");
				assertThat(pendingRefresh.classes()).isEmpty();
			});
		}
	}

}
