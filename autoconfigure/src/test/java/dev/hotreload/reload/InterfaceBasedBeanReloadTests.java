package dev.hotreload.reload;

import java.nio.file.Path;
import java.util.List;

import dev.hotreload.ReloadRecord;
import dev.hotreload.fixtures.Greeter;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.aop.support.AopUtils;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bean that implements an interface serves the new code through every reference to it
 * after a reload: injected by interface and by class, through a constructor and into a
 * field, and looked up from the context.
 */
class InterfaceBasedBeanReloadTests {

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	private static final String GREETER_V1 = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class EnglishGreeter implements dev.hotreload.fixtures.Greeter {
				@Override
				public String greet(String name) {
					return "Hello " + name;
				}
			}
			""";

	private static final String GREETER_V2 = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class EnglishGreeter implements dev.hotreload.fixtures.Greeter {
				@Override
				public String greet(String name) {
					return "Good morning, " + name + "!";
				}
			}
			""";

	private static final String RECEPTION = """
			package demo;
			import java.util.List;
			import dev.hotreload.fixtures.Greeter;
			import org.springframework.beans.factory.annotation.Autowired;
			@org.springframework.stereotype.Component
			public class Reception {
				private final Greeter byInterface;
				private final EnglishGreeter byClass;
				@Autowired
				private Greeter fieldByInterface;
				@Autowired
				private EnglishGreeter fieldByClass;
				public Reception(Greeter byInterface, EnglishGreeter byClass) {
					this.byInterface = byInterface;
					this.byClass = byClass;
				}
				public List<Object> greeters() {
					return List.of(this.byInterface, this.byClass, this.fieldByInterface, this.fieldByClass);
				}
				public List<String> welcome(String name) {
					return List.of(this.byInterface.greet(name), this.byClass.greet(name),
							this.fieldByInterface.greet(name), this.fieldByClass.greet(name));
				}
			}
			""";

	private static final String FINAL_GREETER_V1 = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public final class FrenchGreeter implements dev.hotreload.fixtures.Greeter {
				@Override
				public String greet(String name) {
					return "Bonjour " + name;
				}
			}
			""";

	private static final String FINAL_GREETER_V2 = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public final class FrenchGreeter implements dev.hotreload.fixtures.Greeter {
				@Override
				public String greet(String name) {
					return "Bonsoir " + name + " !";
				}
			}
			""";

	private static final String CONCIERGE = """
			package demo;
			@org.springframework.stereotype.Component
			public class Concierge {
				private final dev.hotreload.fixtures.Greeter greeter;
				public Concierge(dev.hotreload.fixtures.Greeter greeter) {
					this.greeter = greeter;
				}
				public String welcome(String name) {
					return this.greeter.greet(name);
				}
			}
			""";

	@Test
	void everyReferenceServesTheNewCode(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.EnglishGreeter", GREETER_V1, "demo.Reception", RECEPTION);
			Reloads.runner(classes, "demo.Config").run((context) -> {
				Object byName = context.getBean("englishGreeter");
				Greeter byInterface = context.getBean(Greeter.class);
				Object byClass = context.getBean(classes.load("demo.EnglishGreeter"));
				Object reception = context.getBean("reception");
				assertThat(AopUtils.isAopProxy(byName)).isTrue();
				assertThat(byInterface).isSameAs(byName);
				assertThat(byClass).isSameAs(byName);
				assertThat((List<?>) call(reception, "greeters")).hasSize(4)
					.allSatisfy((greeter) -> assertThat(greeter).isSameAs(byName));
				assertThat(byInterface.greet("Ada")).isEqualTo("Hello Ada");
				assertThat(call(reception, "welcome", "Ada"))
					.isEqualTo(List.of("Hello Ada", "Hello Ada", "Hello Ada", "Hello Ada"));
				classes.compile("demo.EnglishGreeter", GREETER_V2);
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.outcome()).isEqualTo(ReloadRecord.Outcome.RELOADED);
				assertThat(record.bean()).isEqualTo("englishGreeter");
				assertThat(record.generation()).isEqualTo(2);
				assertThat(byInterface.greet("Ada")).isEqualTo("Good morning, Ada!");
				assertThat(((Greeter) byClass).greet("Ada")).isEqualTo("Good morning, Ada!");
				assertThat(context.getBean(Greeter.class).greet("Ada")).isEqualTo("Good morning, Ada!");
				assertThat(call(reception, "welcome", "Ada")).isEqualTo(List.of("Good morning, Ada!",
						"Good morning, Ada!", "Good morning, Ada!", "Good morning, Ada!"));
				assertThat(context.getBean(classes.load("demo.EnglishGreeter"))).isSameAs(byName);
			});
		}
	}

	@Test
	void finalClassIsServedThroughItsInterface(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.FrenchGreeter", FINAL_GREETER_V1, "demo.Concierge", CONCIERGE);
			Reloads.runner(classes, "demo.Config").run((context) -> {
				Greeter greeter = context.getBean(Greeter.class);
				Object concierge = context.getBean("concierge");
				assertThat(AopUtils.isJdkDynamicProxy(greeter)).isTrue();
				assertThat(greeter.greet("Ada")).isEqualTo("Bonjour Ada");
				assertThat(call(concierge, "welcome", "Ada")).isEqualTo("Bonjour Ada");
				classes.compile("demo.FrenchGreeter", FINAL_GREETER_V2);
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.outcome()).isEqualTo(ReloadRecord.Outcome.RELOADED);
				assertThat(record.generation()).isEqualTo(2);
				assertThat(greeter.greet("Ada")).isEqualTo("Bonsoir Ada !");
				assertThat(call(concierge, "welcome", "Ada")).isEqualTo("Bonsoir Ada !");
				assertThat(context.getBean("frenchGreeter")).isSameAs(greeter);
			});
		}
	}

}
