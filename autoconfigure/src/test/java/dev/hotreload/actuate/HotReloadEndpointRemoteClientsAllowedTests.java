package dev.hotreload.actuate;

import java.net.InetAddress;
import java.util.regex.Pattern;

import dev.hotreload.access.LoopbackOnlyFilter;
import dev.hotreload.testsupport.ForwardedClients;
import dev.hotreload.testsupport.ForwardedClients.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code hotreload.endpoint.allow-remote-clients=true}, the {@code hotreload}
 * endpoint answers every client and says so once at startup.
 */
@ExtendWith(OutputCaptureExtension.class)
class HotReloadEndpointRemoteClientsAllowedTests {

	private static final String WARNING = "hotreload.endpoint.allow-remote-clients=true: the hotreload endpoint "
			+ "answers every client that reaches its port, from any machine, and can reload beans and restart the "
			+ "application";

	@Test
	void warnsOnceAtStartup(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start()) {
			assertThat(output.getOut().split(Pattern.quote(WARNING), -1)).hasSize(2);
			assertThat(output.getOut().lines().filter((line) -> line.contains(WARNING))).singleElement()
				.satisfies((line) -> assertThat(line).contains("WARN"));
			assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
				.noneMatch((registration) -> registration.getFilter() instanceof LoopbackOnlyFilter);
		}
	}

	@Test
	void otherClientsAreAnswered() {
		try (ConfigurableApplicationContext context = start()) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			for (InetAddress address : ForwardedClients.otherMachines()) {
				Response report = ForwardedClients.send(address, port, "GET", "/actuator/hotreload");
				assertThat(report.status()).isEqualTo(200);
				assertThat(report.body()).contains("watchedPaths");
				assertThat(ForwardedClients.send(address, port, "POST", "/actuator/hotreload/endpointGreeter").status())
					.isEqualTo(200);
			}
		}
	}

	@Test
	void noWarningByDefault(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start("hotreload.endpoint.allow-remote-clients=false")) {
			assertThat(output.getOut()).doesNotContain("allow-remote-clients=true");
			assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
				.anyMatch((registration) -> registration.getFilter() instanceof LoopbackOnlyFilter);
		}
	}

	private ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(HotReloadEndpointClientAccessHttpTests.TestApplication.class)
			.properties(ForwardedClients.FORWARD_HEADERS, "server.port=0", "hotreload.enabled=true",
					"hotreload.endpoint.allow-remote-clients=true",
					"management.endpoints.web.exposure.include=hotreload")
			.properties(properties)
			.run();
	}

}
