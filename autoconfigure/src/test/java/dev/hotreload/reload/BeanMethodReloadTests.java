package dev.hotreload.reload;

import java.nio.file.Path;

import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.aop.support.AopUtils;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bean created by a {@code @Bean} method annotated {@code @HotReloadable} is reloaded
 * by constructor autowiring of its new class, with its state kept.
 */
class BeanMethodReloadTests {

	private static final String CONFIG = """
			package demo;
			import org.springframework.context.annotation.Bean;
			@org.springframework.context.annotation.Configuration
			public class Config {
				@Bean
				public TaxRates taxRates() {
					return new TaxRates();
				}
				@Bean
				@dev.hotreload.HotReloadable
				public PriceCalculator priceCalculator(TaxRates taxRates) {
					return new PriceCalculator(taxRates);
				}
			}
			""";

	private static final String TAX_RATES = """
			package demo;
			public class TaxRates {
				public int percent() {
					return 20;
				}
			}
			""";

	private static final String CALCULATOR_V1 = """
			package demo;
			public class PriceCalculator {
				private final TaxRates taxRates;
				private int quotes;
				public PriceCalculator(TaxRates taxRates) {
					this.taxRates = taxRates;
				}
				public String quote(int net) {
					this.quotes++;
					return "v1 " + (net + net * this.taxRates.percent() / 100) + " #" + this.quotes;
				}
				public Object taxRates() {
					return this.taxRates;
				}
			}
			""";

	private static final String CALCULATOR_V2 = """
			package demo;
			public class PriceCalculator {
				private final TaxRates taxRates;
				private int quotes;
				public PriceCalculator(TaxRates taxRates) {
					this.taxRates = taxRates;
				}
				public String quote(int net) {
					this.quotes++;
					int tax = net * this.taxRates.percent() / 100;
					return "v2 net=" + net + " tax=" + tax + " gross=" + (net + tax) + " #" + this.quotes;
				}
				public Object taxRates() {
					return this.taxRates;
				}
			}
			""";

	@Test
	void reloadsByConstructorAutowiringWithStateKept(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.TaxRates", TAX_RATES, "demo.PriceCalculator", CALCULATOR_V1);
			Reloads.runner(classes, "demo.Config").run((context) -> {
				Object calculator = context.getBean("priceCalculator");
				Object taxRates = context.getBean("taxRates");
				assertThat(AopUtils.isAopProxy(calculator)).isTrue();
				assertThat(AopUtils.isAopProxy(taxRates)).isFalse();
				assertThat(context.getBean(HotReloader.class).reloadableBeans()).containsExactly("priceCalculator");
				assertThat(call(calculator, "quote", 100)).isEqualTo("v1 120 #1");
				assertThat(call(calculator, "quote", 50)).isEqualTo("v1 60 #2");
				classes.compile("demo.PriceCalculator", CALCULATOR_V2);
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.outcome()).isEqualTo(ReloadRecord.Outcome.RELOADED);
				assertThat(record.bean()).isEqualTo("priceCalculator");
				assertThat(record.generation()).isEqualTo(2);
				assertThat(record.fields().kept()).containsExactly("quotes");
				assertThat(record.fields().reset()).isEmpty();
				assertThat(record.fields().dropped()).isEmpty();
				assertThat(call(calculator, "quote", 100)).isEqualTo("v2 net=100 tax=20 gross=120 #3");
				assertThat(call(calculator, "taxRates")).isSameAs(taxRates);
				assertThat(context.getBean(classes.load("demo.PriceCalculator"))).isSameAs(calculator);
			});
		}
	}

}
