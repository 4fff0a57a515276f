package dev.hotreload.reload;

import java.nio.file.Path;
import java.time.Duration;

import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.aop.support.AopUtils;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A bean without {@code @HotReloadable} is reloadable exactly when its class name matches
 * a {@code hotreload.include} pattern.
 */
class IncludePatternTests {

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	private static final String ORDER_SERVICE = """
			package demo;
			@org.springframework.stereotype.Component
			public class OrderService {
				private int orders;
				public String order(String item) {
					this.orders++;
					return "%s " + item + " #" + this.orders;
				}
			}
			""";

	private static final String ORDER_REPOSITORY = """
			package demo;
			@org.springframework.stereotype.Component
			public class OrderRepository {
				public String find(String item) {
					return "%s " + item;
				}
			}
			""";

	@Test
	void matchingBeanIsReloadableAndOtherBeanIsNot(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.OrderService", ORDER_SERVICE.formatted("v1"),
					"demo.OrderRepository", ORDER_REPOSITORY.formatted("v1"));
			Reloads.runner(classes, "demo.Config")
				.withPropertyValues("hotreload.include=demo.*Service")
				.run((context) -> {
					HotReloader reloader = context.getBean(HotReloader.class);
					Object service = context.getBean("orderService");
					Object repository = context.getBean("orderRepository");
					assertThat(reloader.reloadableBeans()).containsExactly("orderService");
					assertThat(AopUtils.isAopProxy(service)).isTrue();
					assertThat(AopUtils.isAopProxy(repository)).isFalse();
					assertThat(repository.getClass()).isSameAs(classes.load("demo.OrderRepository"));
					assertThat(call(service, "order", "tea")).isEqualTo("v1 tea #1");
					// The repository, a plain bean, is redefined in place (and keeps its
					// identity); the service gets a new generation.
					classes.compile("demo.OrderRepository", ORDER_REPOSITORY.formatted("v2"));
					classes.compile("demo.OrderService", ORDER_SERVICE.formatted("v2"));
					await().atMost(Duration.ofSeconds(10)).until(() -> reloader.history().size() == 2);
					assertThat(reloader.history()).extracting(ReloadRecord::outcome)
						.containsExactlyInAnyOrder(ReloadRecord.Outcome.RELOADED, ReloadRecord.Outcome.REDEFINED);
					ReloadRecord record = reloader.history(("orderService")).get(0);
					assertThat(record.outcome()).isEqualTo(ReloadRecord.Outcome.RELOADED);
					assertThat(record.fields().kept()).containsExactly("orders");
					assertThat(call(service, "order", "tea")).isEqualTo("v2 tea #2");
					assertThat(context.getBean("orderRepository")).isSameAs(repository);
					assertThat(call(repository, "find", "tea")).isEqualTo("v2 tea");
				});
		}
	}

	@Test
	void withoutPatternNoBeanIsReloadable(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.OrderService", ORDER_SERVICE.formatted("v1"));
			Reloads.runner(classes, "demo.Config").run((context) -> {
				assertThat(context.getBean(HotReloader.class).reloadableBeans()).isEmpty();
				assertThat(AopUtils.isAopProxy(context.getBean("orderService"))).isFalse();
			});
		}
	}

}
