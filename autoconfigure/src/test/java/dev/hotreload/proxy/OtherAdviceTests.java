package dev.hotreload.proxy;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.hotreload.ReloadRecord;
import dev.hotreload.fixtures.CountingTransactionManager;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Advice that other post-processors add to a reloadable bean, such as
 * {@code @Transactional} and {@code @Async}, applies to the new generation too, whether
 * those post-processors proxy interfaces by default or, as with Spring Boot's AOP
 * auto-configuration, classes.
 */
class OtherAdviceTests {

	private static final String CONFIG = """
			package demo;
			@org.springframework.context.annotation.Configuration
			@org.springframework.context.annotation.ComponentScan
			@org.springframework.transaction.annotation.EnableTransactionManagement
			@org.springframework.scheduling.annotation.EnableAsync
			public class Config {
				@org.springframework.context.annotation.Bean
				public dev.hotreload.fixtures.CountingTransactionManager transactionManager() {
					return new dev.hotreload.fixtures.CountingTransactionManager();
				}
			}
			""";

	private static final String LEDGER = """
			package demo;
			import java.util.ArrayList;
			import java.util.List;
			import org.springframework.transaction.annotation.Transactional;
			import org.springframework.transaction.support.TransactionSynchronizationManager;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Ledger {
				private final List<String> entries = new ArrayList<>();
				@Transactional
				public String record(String entry) {
					if (entry.isEmpty()) {
						throw new IllegalArgumentException("empty entry");
					}
					this.entries.add(entry);
					return "%1$s " + this.entries + " transaction="
							+ TransactionSynchronizationManager.isActualTransactionActive();
				}
				public String peek() {
					return "%1$s transaction=" + TransactionSynchronizationManager.isActualTransactionActive();
				}
			}
			""";

	private static final String MAILER = """
			package demo;
			import java.util.concurrent.CompletableFuture;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Mailer {
				private int sent;
				@org.springframework.scheduling.annotation.Async
				public CompletableFuture<String> send(String to) {
					this.sent++;
					return CompletableFuture.completedFuture("%1$s #" + this.sent + " to " + to + " on "
							+ Thread.currentThread().getName());
				}
			}
			""";

	@Test
	void transactionalMethodRunsInATransactionAfterReload(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Ledger", LEDGER.formatted("v1"));
			Reloads.runner(classes, "demo.Config").run((context) -> {
				CountingTransactionManager transactions = context.getBean(CountingTransactionManager.class);
				Object ledger = context.getBean("ledger");
				assertThat(AopUtils.isAopProxy(ledger)).isTrue();
				assertThat(context.getBean(classes.load("demo.Ledger"))).isSameAs(ledger);
				assertThat(call(ledger, "record", "rent")).isEqualTo("v1 [rent] transaction=true");
				assertThat(call(ledger, "peek")).isEqualTo("v1 transaction=false");
				assertThat(transactions.begun()).isEqualTo(1);
				assertThat(transactions.committed()).isEqualTo(1);
				classes.compile("demo.Ledger", LEDGER.formatted("v2"));
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.outcome()).isEqualTo(ReloadRecord.Outcome.RELOADED);
				assertThat(record.fields().kept()).containsExactly("entries");
				assertThat(call(ledger, "record", "food")).isEqualTo("v2 [rent, food] transaction=true");
				assertThat(call(ledger, "peek")).isEqualTo("v2 transaction=false");
				assertThat(transactions.begun()).isEqualTo(2);
				assertThat(transactions.committed()).isEqualTo(2);
				assertThat(transactions.rolledBack()).isZero();
				assertThatIllegalArgumentException().isThrownBy(() -> call(ledger, "record", ""))
					.withMessage("empty entry");
				assertThat(transactions.begun()).isEqualTo(3);
				assertThat(transactions.rolledBack()).isEqualTo(1);
			});
		}
	}

	@Test
	void asyncMethodRunsOnAnotherThreadAfterReload(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Mailer", MAILER.formatted("v1"));
			Reloads.runner(classes, "demo.Config").run((context) -> {
				Object mailer = context.getBean("mailer");
				assertThat(context.getBean(classes.load("demo.Mailer"))).isSameAs(mailer);
				String caller = " on " + Thread.currentThread().getName();
				String first = send(mailer, "ada");
				assertThat(first).startsWith("v1 #1 to ada on ").isNotEqualTo("v1 #1 to ada" + caller);
				classes.compile("demo.Mailer", MAILER.formatted("v2"));
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.outcome()).isEqualTo(ReloadRecord.Outcome.RELOADED);
				assertThat(record.fields().kept()).containsExactly("sent");
				String second = send(mailer, "bob");
				assertThat(second).startsWith("v2 #2 to bob on ").isNotEqualTo("v2 #2 to bob" + caller);
			});
		}
	}

	@Test
	void asyncMethodRunsOnAnotherThreadAfterReloadWithClassProxying(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.Mailer", MAILER.formatted("v1"));
			Reloads.runner(classes, "demo.Config")
				.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class))
				.run((context) -> {
					Object mailer = context.getBean("mailer");
					assertThat(context.getBean(classes.load("demo.Mailer"))).isSameAs(mailer);
					String caller = " on " + Thread.currentThread().getName();
					assertThat(send(mailer, "ada")).startsWith("v1 #1 to ada on ")
						.isNotEqualTo("v1 #1 to ada" + caller);
					classes.compile("demo.Mailer", MAILER.formatted("v2"));
					assertThat(Reloads.awaitRecords(context, 1).outcome()).isEqualTo(ReloadRecord.Outcome.RELOADED);
					assertThat(send(mailer, "bob")).startsWith("v2 #2 to bob on ")
						.isNotEqualTo("v2 #2 to bob" + caller);
				});
		}
	}

	private static String send(Object mailer, String to) throws Exception {
		CompletableFuture<?> result = (CompletableFuture<?>) call(mailer, "send", to);
		return (String) result.get(10, TimeUnit.SECONDS);
	}

}
