package dev.hotreload.reload;

import java.nio.file.Path;

import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new version that needs a constructor dependency of a type no bean has fails its
 * reload, naming the type, while the previous generation keeps serving.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnsatisfiedDependencyTests {

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	private static final String PAYMENT_GATEWAY = """
			package demo;
			public interface PaymentGateway {
				String charge(int cents);
			}
			""";

	private static final String CHECKOUT_V1 = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Checkout {
				private int orders;
				public String pay(int cents) { orders++; return "free order #" + orders; }
			}
			""";

	private static final String CHECKOUT_V2 = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Checkout {
				private final PaymentGateway gateway;
				private int orders;
				public Checkout(PaymentGateway gateway) { this.gateway = gateway; }
				public String pay(int cents) { orders++; return gateway.charge(cents) + " #" + orders; }
			}
			""";

	@Test
	void failsNamingTheMissingTypeAndOldCodeKeepsServing(@TempDir Path temp, CapturedOutput output) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile("demo.Config", CONFIG, "demo.PaymentGateway", PAYMENT_GATEWAY, "demo.Checkout",
					CHECKOUT_V1);
			Reloads.runner(classes, "demo.Config").run((context) -> {
				Object checkout = context.getBean("checkout");
				assertThat(call(checkout, "pay", 100)).isEqualTo("free order #1");
				classes.compile("demo.Checkout", CHECKOUT_V2);
				ReloadRecord failed = Reloads.awaitRecords(context, 1);
				assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
				assertThat(failed.bean()).isEqualTo("checkout");
				assertThat(failed.generation()).isEqualTo(1);
				assertThat(failed.failure()).isNotNull();
				assertThat(failed.failure().type()).isEqualTo("NoSuchBeanDefinitionException");
				assertThat(failed.failure().message()).contains("'demo.PaymentGateway'");
				assertThat(output.getAll().lines()).anySatisfy((line) -> assertThat(line).contains("WARN",
						"Reload of 'checkout' (demo.Checkout) failed",
						"generation 1 keeps serving: NoSuchBeanDefinitionException: ", "'demo.PaymentGateway'"));
				assertThat(context.getBean(HotReloadEngine.class).bean("checkout").generation()).isEqualTo(1);
				assertThat(call(checkout, "pay", 100)).isEqualTo("free order #2");
			});
		}
	}

}
