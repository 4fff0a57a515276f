package dev.hotreload.actuate;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.hotreload.HotReloader;
import dev.hotreload.testsupport.ForwardedClients;
import dev.hotreload.testsupport.ForwardedClients.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call the {@code hotreload} endpoint, over real HTTP: loopback clients, and a
 * client on a non-loopback address of this machine, which gets 403.
 */
@SpringBootTest(classes = HotReloadEndpointClientAccessHttpTests.TestApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = { ForwardedClients.FORWARD_HEADERS,
				"hotreload.enabled=true", "management.endpoints.web.exposure.include=hotreload,health" })
class HotReloadEndpointClientAccessHttpTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private HotReloader reloader;

	@Test
	void loopbackClientsAreAnswered() throws Exception {
		int generation = this.reloader.bean("endpointGreeter").generation();
		for (String host : new String[] { "127.0.0.1", "[::1]" }) {
			assertThat(send(host, "GET", "/actuator/hotreload").statusCode()).isEqualTo(200);
			assertThat(send(host, "GET", "/actuator/hotreload/endpointGreeter").statusCode()).isEqualTo(200);
			assertThat(send(host, "POST", "/actuator/hotreload/endpointGreeter").statusCode()).isEqualTo(200);
		}
		assertThat(this.reloader.bean("endpointGreeter").generation()).isEqualTo(generation + 2);
	}

	@Test
	void otherClientsAreForbiddenEveryOperation() {
		int generation = this.reloader.bean("endpointGreeter").generation();
		int records = this.reloader.history().size();
		for (InetAddress address : ForwardedClients.otherMachines()) {
			Response report = ForwardedClients.send(address, this.port, "GET", "/actuator/hotreload");
			assertThat(report.status()).as("GET from %s", address).isEqualTo(403);
			assertThat(report.body()).contains("came from " + ForwardedClients.literal(address))
				.contains("hotreload.endpoint.allow-remote-clients=true")
				.doesNotContain("watchedPaths");
			assertThat(ForwardedClients.send(address, this.port, "GET", "/actuator/hotreload/endpointGreeter").status())
				.isEqualTo(403);
			assertThat(
					ForwardedClients.send(address, this.port, "POST", "/actuator/hotreload/endpointGreeter").status())
				.isEqualTo(403);
			assertThat(
					ForwardedClients.send(address, this.port, "POST", "/actuator/%68otreload/endpointGreeter").status())
				.isEqualTo(403);
			assertThat(ForwardedClients.send(address, this.port, "POST", "/actuator/hotreload").status())
				.isEqualTo(403);
		}
		assertThat(this.reloader.bean("endpointGreeter").generation()).isEqualTo(generation);
		assertThat(this.reloader.history()).hasSize(records);
	}

	@Test
	void otherEndpointsAndTheApplicationsPathsAnswerOtherClients() {
		for (InetAddress address : ForwardedClients.otherMachines()) {
			assertThat(ForwardedClients.send(address, this.port, "GET", "/actuator/health").status()).isEqualTo(200);
			Response hello = ForwardedClients.send(address, this.port, "GET", "/hello");
			assertThat(hello.status()).isEqualTo(200);
			assertThat(hello.body()).contains("hello");
		}
	}

	private HttpResponse<String> send(String host, String method, String path)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

		@Bean
		EndpointGreeter endpointGreeter() {
			return new EndpointGreeter();
		}

		@Bean
		HelloController helloController() {
			return new HelloController();
		}

	}

	@RestController
	static class HelloController {

		@GetMapping("/hello")
		String hello() {
			return "hello";
		}

	}

}
