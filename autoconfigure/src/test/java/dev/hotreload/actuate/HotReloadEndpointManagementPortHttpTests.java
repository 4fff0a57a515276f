package dev.hotreload.actuate;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.hotreload.testsupport.ForwardedClients;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code hotreload} endpoint on a management port of its own, under another base path
 * and path, answers loopback clients only there too.
 */
@SpringBootTest(classes = HotReloadEndpointClientAccessHttpTests.TestApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { ForwardedClients.FORWARD_HEADERS, "hotreload.enabled=true",
				"management.endpoints.web.exposure.include=hotreload,health", "management.server.port=0",
				"management.endpoints.web.base-path=/manage",
				"management.endpoints.web.path-mapping.hotreload=reloads" })
class HotReloadEndpointManagementPortHttpTests {

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Test
	void loopbackClientsAreAnsweredOnTheManagementPort() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		HttpResponse<String> report = client
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + "/manage/reloads"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(report.statusCode()).isEqualTo(200);
		assertThat(report.body()).contains("watchedPaths");
	}

	@Test
	void otherClientsAreForbiddenOnTheManagementPortOnly() {
		assertThat(this.managementPort).isNotEqualTo(this.port);
		for (InetAddress address : ForwardedClients.otherMachines()) {
			assertThat(ForwardedClients.send(address, this.managementPort, "GET", "/manage/reloads").status())
				.isEqualTo(403);
			assertThat(ForwardedClients.send(address, this.managementPort, "POST", "/manage/reloads/endpointGreeter")
				.status()).isEqualTo(403);
			assertThat(ForwardedClients.send(address, this.managementPort, "GET", "/manage/health").status())
				.isEqualTo(200);
			assertThat(ForwardedClients.send(address, this.port, "GET", "/hello").status()).isEqualTo(200);
		}
	}

}
