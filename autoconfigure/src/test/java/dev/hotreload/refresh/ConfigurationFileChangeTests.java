package dev.hotreload.refresh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Category;
import dev.hotreload.ReloadRecord.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A changed {@code application.properties} or {@code application-<profile>.properties} in
 * the class directory of a real application: the environment follows, in the order of
 * precedence Spring Boot loaded the files in; a project's
 * {@code @ConfigurationProperties} bean is rebound in place, a reloadable bean that reads
 * a changed key through {@code @Value} gets a new generation with its state, log levels
 * follow, a key only a refresh applies refreshes, and a file that does not bind fails
 * while the previous configuration keeps serving. No value appears in the history or the
 * log.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationFileChangeTests {

	private static final String SECRET = "s3cr3t-first-value";

	private static final String NEW_SECRET = "t0p-s3cr3t-second";

	private static final String PROPERTIES = """
			package demo;
			@org.springframework.boot.context.properties.ConfigurationProperties("app")
			public class AppProperties {
				private String greeting = "none";
				private int limit;
				private String secret;
				public String getGreeting() { return greeting; }
				public void setGreeting(String greeting) { this.greeting = greeting; }
				public int getLimit() { return limit; }
				public void setLimit(int limit) { this.limit = limit; }
				public String getSecret() { return secret; }
				public void setSecret(String secret) { this.secret = secret; }
			}
			""";

	private static final String CONFIG = """
			package demo;
			@org.springframework.context.annotation.Configuration
			@org.springframework.boot.context.properties.EnableConfigurationProperties(AppProperties.class)
			public class Config {
			}
			""";

	private static final String GREETER = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Greeter {
				@org.springframework.beans.factory.annotation.Value("${app.suffix:}")
				private String suffix;
				private int count;
				public String greet(String greeting, String name) {
					return greeting + " " + name + suffix + " #" + (++count);
				}
			}
			""";

	private static final String PLAIN = """
			package demo;
			@org.springframework.stereotype.Component
			public class Plain {
				@org.springframework.beans.factory.annotation.Value("${app.plain:unset}")
				String plain;
			}
			""";

	private static final String WEB = """
			package demo;
			@org.springframework.web.bind.annotation.RestController
			public class Web {
				private static final org.apache.commons.logging.Log logger =
						org.apache.commons.logging.LogFactory.getLog(Web.class);
				private final AppProperties properties;
				private final Greeter greeter;
				private final Plain plain;
				public Web(AppProperties properties, Greeter greeter, Plain plain) {
					this.properties = properties;
					this.greeter = greeter;
					this.plain = plain;
				}
				@org.springframework.web.bind.annotation.GetMapping("/greet/{name}")
				public String greet(@org.springframework.web.bind.annotation.PathVariable String name) {
					return greeter.greet(properties.getGreeting(), name);
				}
				@org.springframework.web.bind.annotation.GetMapping("/limit")
				public String limit() {
					return properties.getLimit() + " " + plain.plain;
				}
				@org.springframework.web.bind.annotation.GetMapping("/debug")
				public String debug() {
					return String.valueOf(logger.isDebugEnabled());
				}
			}
			""";

	@TempDir
	Path temp;

	@Test
	void changedConfigurationIsAppliedHotWithItsStateAndNoValueShown(CapturedOutput output) throws Exception {
		Path classes = Files.createDirectories(this.temp.resolve("target/classes"));
		write(classes, "application.properties", """
				app.greeting=Hello
				app.limit=3
				app.suffix=!
				app.secret=%s
				logging.level.demo=INFO
				""".formatted(SECRET));
		write(classes, "application-dev.properties", "app.limit=7\n");
		try (RefreshingApplication app = RefreshingApplication.start(this.temp,
				List.of("demo.App", RefreshingApplication.APP, "demo.AppProperties", PROPERTIES, "demo.Config", CONFIG,
						"demo.Greeter", GREETER, "demo.Plain", PLAIN, "demo.Web", WEB),
				"--spring.profiles.active=dev")) {
			assertThat(app.body("/greet/ann")).isEqualTo("Hello ann! #1");
			// The profile's file takes precedence, as at startup.
			assertThat(app.body("/limit")).isEqualTo("7 unset");

			write(classes, "application.properties", """
					app.greeting=Hi
					app.limit=4
					app.suffix=!
					app.secret=%s
					logging.level.demo=DEBUG
					""".formatted(NEW_SECRET));
			ReloadRecord reconfigured = awaitRecord(app, (record) -> record.outcome() == Outcome.RECONFIGURED);
			assertThat(reconfigured.classes()).containsExactly("application.properties");
			assertThat(reconfigured.properties()).isNotNull();
			// app.limit is overridden by the profile's file: no change.
			assertThat(reconfigured.properties().changed()).containsExactly("app.greeting", "app.secret",
					"logging.level.demo");
			assertThat(reconfigured.notes()).contains("rebound [app-demo.AppProperties]", "log levels of [demo]");
			assertThat(app.body("/greet/bob")).isEqualTo("Hi bob! #2");
			assertThat(app.body("/limit")).isEqualTo("7 unset");
			assertThat(app.body("/debug")).isEqualTo("true");

			write(classes, "application-dev.properties", "app.limit=8\napp.suffix=?\n");
			ReloadRecord second = awaitRecord(app,
					(record) -> record.outcome() == Outcome.RECONFIGURED && record.id() > reconfigured.id());
			assertThat(second.properties().changed()).containsExactly("app.limit", "app.suffix");
			assertThat(second.notes()).contains("new generation of 'greeter'");
			assertThat(app.body("/limit")).isEqualTo("8 unset");
			// A new generation of the reloadable bean, with its count kept.
			assertThat(app.body("/greet/cy")).isEqualTo("Hi cy? #3");

			write(classes, "application-dev.properties", "app.limit=abc-%s\napp.suffix=?\n".formatted(NEW_SECRET));
			ReloadRecord failed = awaitRecord(app,
					(record) -> record.outcome() == Outcome.FAILED && record.id() > second.id());
			assertThat(failed.classes()).containsExactly("application-dev.properties");
			assertThat(failed.failure().message()).contains("app.limit");
			assertThat(app.body("/limit")).isEqualTo("8 unset");
			write(classes, "application-dev.properties", "app.limit=9\napp.suffix=?\n");
			ReloadRecord fixed = awaitRecord(app,
					(record) -> record.outcome() == Outcome.RECONFIGURED && record.id() > failed.id());
			assertThat(fixed.properties().changed()).containsExactly("app.limit");
			assertThat(app.body("/limit")).isEqualTo("9 unset");

			// Read by a bean that is not reloadable: only a refresh applies it.
			write(classes, "application-dev.properties", "app.limit=9\napp.suffix=?\napp.plain=set\n");
			ReloadRecord refreshed = awaitRecord(app,
					(record) -> record.outcome() == Outcome.REFRESHED && record.id() > fixed.id());
			assertThat(refreshed.verdicts()).singleElement().satisfies((verdict) -> {
				assertThat(verdict.className()).isEqualTo("application-dev.properties");
				assertThat(verdict.category()).isEqualTo(Category.REFRESH);
				assertThat(verdict.reason()).contains("app.plain", "'plain'");
			});
			await().atMost(Duration.ofSeconds(30))
				.ignoreExceptions()
				.untilAsserted(() -> assertThat(app.body("/limit")).isEqualTo("9 set"));
			assertThat(app.body("/greet/dan")).isEqualTo("Hi dan? #4");

			String json = app.body("/actuator/hotreload");
			assertThat(json).contains("\"RECONFIGURED\"", "\"properties\"", "app.secret")
				.doesNotContain(SECRET, NEW_SECRET);
			assertThat(output.toString()).doesNotContain(SECRET, NEW_SECRET)
				.contains("Reconfigured 3 properties (app.greeting, app.secret, logging.level.demo) in ");
		}
	}

	@Test
	void malformedYamlFailsAndTheFixedFileApplies() throws Exception {
		Path classes = Files.createDirectories(this.temp.resolve("target/classes"));
		write(classes, "application.yml", "app:\n  greeting: Hello\n  limit: 3\n");
		try (RefreshingApplication app = RefreshingApplication.start(this.temp,
				List.of("demo.App", RefreshingApplication.APP, "demo.AppProperties", PROPERTIES, "demo.Config", CONFIG,
						"demo.Greeter", GREETER, "demo.Plain", PLAIN, "demo.Web", WEB))) {
			assertThat(app.body("/greet/ann")).isEqualTo("Hello ann #1");
			// Bad indentation.
			write(classes, "application.yml", "app:\n  greeting: Hi\n   limit: 4\n");
			ReloadRecord failed = awaitRecord(app, (record) -> record.outcome() == Outcome.FAILED);
			assertThat(failed.classes()).containsExactly("application.yml");
			assertThat(failed.failure()).isNotNull();
			assertThat(app.body("/greet/bob")).isEqualTo("Hello bob #2");
			write(classes, "application.yml", "app:\n  greeting: Hi\n  limit: 4\n");
			ReloadRecord fixed = awaitRecord(app,
					(record) -> record.outcome() == Outcome.RECONFIGURED && record.id() > failed.id());
			assertThat(fixed.properties().changed()).containsExactly("app.greeting", "app.limit");
			assertThat(app.body("/greet/cy")).isEqualTo("Hi cy #3");
			assertThat(app.body("/limit")).isEqualTo("4 unset");
		}
	}

	private static final String CHECKED = """
			package demo;
			@org.springframework.boot.context.properties.ConfigurationProperties("checked")
			public class CheckedProperties implements org.springframework.validation.Validator {
				private String name;
				public String getName() { return name; }
				public void setName(String name) { this.name = name; }
				@Override
				public boolean supports(Class<?> type) { return CheckedProperties.class.isAssignableFrom(type); }
				@Override
				public void validate(Object target, org.springframework.validation.Errors errors) {
					if (((CheckedProperties) target).getName() == null) {
						errors.rejectValue("name", "required", "must be set");
					}
				}
			}
			""";

	private static final String REQUIRED_CONFIG = """
			package demo;
			@org.springframework.context.annotation.Configuration
			@org.springframework.boot.context.properties.EnableConfigurationProperties({ AppProperties.class,
					CheckedProperties.class })
			public class Config {
			}
			""";

	private static final String REQUIRING = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Requiring {
				@org.springframework.beans.factory.annotation.Value("${app.required}")
				private String required;
				private int count;
				public String read() {
					return required + " #" + (++count);
				}
			}
			""";

	private static final String REQUIRING_WEB = """
			package demo;
			@org.springframework.web.bind.annotation.RestController
			public class Web {
				private final AppProperties app;
				private final CheckedProperties checked;
				private final Requiring requiring;
				public Web(AppProperties app, CheckedProperties checked, Requiring requiring) {
					this.app = app;
					this.checked = checked;
					this.requiring = requiring;
				}
				@org.springframework.web.bind.annotation.GetMapping("/read")
				public String read() {
					return app.getGreeting() + " " + checked.getName() + " " + requiring.read();
				}
			}
			""";

	private static final String SHOP = """
			package demo;
			@org.springframework.boot.context.properties.ConfigurationProperties("shop")
			public record ShopProperties(String name) {
			}
			""";

	private static final String SHOP_CONFIG = """
			package demo;
			@org.springframework.context.annotation.Configuration
			@org.springframework.boot.context.properties.EnableConfigurationProperties(ShopProperties.class)
			public class Config {
			}
			""";

	private static final String SHOP_WEB = """
			package demo;
			@org.springframework.web.bind.annotation.RestController
			public class Web {
				private final ShopProperties shop;
				private final Greeter greeter;
				public Web(ShopProperties shop, Greeter greeter) {
					this.shop = shop;
					this.greeter = greeter;
				}
				@org.springframework.web.bind.annotation.GetMapping("/shop")
				public String shop() {
					return greeter.greet("Welcome to", shop.name());
				}
			}
			""";

	@Test
	void removedKeyThatABeanNeedsAndUnresolvablePlaceholderFailAndTheFixApplies() throws Exception {
		Path classes = Files.createDirectories(this.temp.resolve("target/classes"));
		write(classes, "application.properties", "app.greeting=Hello\napp.required=one\nchecked.name=first\n");
		try (RefreshingApplication app = RefreshingApplication.start(this.temp,
				List.of("demo.App", RefreshingApplication.APP, "demo.AppProperties", PROPERTIES,
						"demo.CheckedProperties", CHECKED, "demo.Config", REQUIRED_CONFIG, "demo.Requiring", REQUIRING,
						"demo.Web", REQUIRING_WEB))) {
			assertThat(app.body("/read")).isEqualTo("Hello first one #1");

			// @Value("${app.required}") of a reloadable bean, without a default.
			write(classes, "application.properties", "app.greeting=Hello\nchecked.name=first\n");
			ReloadRecord removed = awaitRecord(app, (record) -> record.outcome() == Outcome.FAILED);
			assertThat(removed.classes()).containsExactly("application.properties");
			assertThat(removed.properties().removed()).containsExactly("app.required");
			assertThat(removed.failure().message()).contains("'requiring'", "app.required");
			assertThat(app.body("/read")).isEqualTo("Hello first one #2");
			assertThat(app.context().getEnvironment().getProperty("app.required")).isEqualTo("one");
			write(classes, "application.properties", "app.greeting=Hello\napp.required=two\nchecked.name=first\n");
			ReloadRecord readded = awaitRecord(app,
					(record) -> record.outcome() == Outcome.RECONFIGURED && record.id() > removed.id());
			assertThat(readded.notes()).contains("new generation of 'requiring'");
			assertThat(app.body("/read")).isEqualTo("Hello first two #3");

			// A validated @ConfigurationProperties field.
			write(classes, "application.properties", "app.greeting=Hello\napp.required=two\n");
			ReloadRecord invalid = awaitRecord(app,
					(record) -> record.outcome() == Outcome.FAILED && record.id() > readded.id());
			assertThat(invalid.failure().type()).isEqualTo("BindException");
			assertThat(invalid.failure().message()).contains("checked", "[checked.name]");
			assertThat(app.body("/read")).isEqualTo("Hello first two #4");
			write(classes, "application.properties", "app.greeting=Hello\napp.required=two\nchecked.name=second\n");
			ReloadRecord valid = awaitRecord(app,
					(record) -> record.outcome() == Outcome.RECONFIGURED && record.id() > invalid.id());
			assertThat(valid.notes()).contains("rebound [checked-demo.CheckedProperties]");
			assertThat(app.body("/read")).isEqualTo("Hello second two #5");

			write(classes, "application.properties",
					"app.greeting=${missing.key}\napp.required=two\nchecked.name=second\n");
			ReloadRecord unresolvable = awaitRecord(app,
					(record) -> record.outcome() == Outcome.FAILED && record.id() > valid.id());
			assertThat(unresolvable.failure().message()).contains("missing.key");
			assertThat(app.body("/read")).isEqualTo("Hello second two #6");
			write(classes, "application.properties", "app.greeting=Hi\napp.required=two\nchecked.name=second\n");
			ReloadRecord fixed = awaitRecord(app,
					(record) -> record.outcome() == Outcome.RECONFIGURED && record.id() > unresolvable.id());
			assertThat(fixed.properties().changed()).containsExactly("app.greeting");
			assertThat(app.body("/read")).isEqualTo("Hi second two #7");
			assertThat(app.history()).noneMatch((record) -> record.outcome() == Outcome.REFRESHED);
		}
	}

	@Test
	void constructorBoundPropertiesRefresh() throws Exception {
		Path classes = Files.createDirectories(this.temp.resolve("target/classes"));
		write(classes, "application.properties", "shop.name=Corner\n");
		try (RefreshingApplication app = RefreshingApplication.start(this.temp,
				List.of("demo.App", RefreshingApplication.APP, "demo.ShopProperties", SHOP, "demo.Config", SHOP_CONFIG,
						"demo.Greeter", GREETER, "demo.Web", SHOP_WEB))) {
			assertThat(app.body("/shop")).isEqualTo("Welcome to Corner #1");
			write(classes, "application.properties", "shop.name=Market\n");
			ReloadRecord refreshed = awaitRecord(app, (record) -> record.outcome() == Outcome.REFRESHED);
			assertThat(refreshed.verdicts()).singleElement()
				.satisfies((verdict) -> assertThat(verdict.reason()).isEqualTo(
						"shop.name bound through the constructor of ShopProperties, which cannot be bound again in place"));
			await().atMost(Duration.ofSeconds(30))
				.ignoreExceptions()
				.untilAsserted(() -> assertThat(app.body("/shop")).startsWith("Welcome to Market"));
			// The reloadable bean kept its count through the refresh.
			assertThat(app.body("/shop")).isEqualTo("Welcome to Market #3");
		}
	}

	private static final String PLAIN_GREETER = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Greeter {
				private int count;
				public String greet(String greeting, String name) {
					return greeting + " " + name + " #" + (++count);
				}
			}
			""";

	private static final String GREETER_WEB = """
			package demo;
			@org.springframework.web.bind.annotation.RestController
			public class Web {
				private final AppProperties properties;
				private final Greeter greeter;
				public Web(AppProperties properties, Greeter greeter) {
					this.properties = properties;
					this.greeter = greeter;
				}
				@org.springframework.web.bind.annotation.GetMapping("/greet/{name}")
				public String greet(@org.springframework.web.bind.annotation.PathVariable String name) {
					return greeter.greet(properties.getGreeting(), name);
				}
			}
			""";

	@Test
	void beanReloadedToReadAKeyThroughValueGetsANewGenerationWhenTheKeyChanges() throws Exception {
		Path classes = Files.createDirectories(this.temp.resolve("target/classes"));
		write(classes, "application.properties", "app.greeting=Hello\n");
		try (RefreshingApplication app = RefreshingApplication.start(this.temp,
				List.of("demo.App", RefreshingApplication.APP, "demo.AppProperties", PROPERTIES, "demo.Config", CONFIG,
						"demo.Greeter", PLAIN_GREETER, "demo.Web", GREETER_WEB))) {
			assertThat(app.body("/greet/ann")).isEqualTo("Hello ann #1");
			// A change before the reload, so that what is kept of the beans is the
			// original class's.
			write(classes, "application.properties", "app.greeting=Hi\napp.suffix=!\n");
			ReloadRecord first = awaitRecord(app, (record) -> record.outcome() == Outcome.RECONFIGURED);
			assertThat(first.notes()).noneMatch((note) -> note.contains("greeter"));
			assertThat(app.body("/greet/bob")).isEqualTo("Hi bob #2");

			app.compile("demo.Greeter", GREETER);
			ReloadRecord reloaded = awaitRecord(app,
					(record) -> record.outcome() == Outcome.RELOADED && record.id() > first.id());
			assertThat(reloaded.bean()).isEqualTo("greeter");
			assertThat(app.body("/greet/cy")).isEqualTo("Hi cy! #3");

			write(classes, "application.properties", "app.greeting=Hi\napp.suffix=?\n");
			ReloadRecord second = awaitRecord(app,
					(record) -> record.outcome() == Outcome.RECONFIGURED && record.id() > reloaded.id());
			assertThat(second.properties().changed()).containsExactly("app.suffix");
			assertThat(second.notes()).contains("new generation of 'greeter'");
			assertThat(app.body("/greet/dan")).isEqualTo("Hi dan? #4");
		}
	}

	private static ReloadRecord awaitRecord(RefreshingApplication app, Predicate<ReloadRecord> wanted) {
		ReloadRecord[] found = new ReloadRecord[1];
		await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
			found[0] = app.history().stream().filter(wanted).findFirst().orElse(null);
			return found[0] != null;
		});
		return found[0];
	}

	private static void write(Path classes, String name, String content) throws IOException {
		Path temporary = Files.writeString(classes.resolve(name + ".tmp"), content);
		Files.move(temporary, classes.resolve(name), StandardCopyOption.ATOMIC_MOVE,
				StandardCopyOption.REPLACE_EXISTING);
	}

}
