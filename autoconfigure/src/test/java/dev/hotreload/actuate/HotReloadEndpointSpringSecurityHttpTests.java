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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code hotreload} endpoint behind Spring Security: with the one-line CSRF exception
 * of the docs, a {@code POST} from a loopback client is answered, while CSRF still guards
 * the application's own paths.
 */
@Tag("spring-security")
@SpringBootTest(classes = CsrfExemptApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { ForwardedClients.FORWARD_HEADERS, "hotreload.enabled=true",
				"management.endpoints.web.exposure.include=hotreload" })
class HotReloadEndpointSpringSecurityHttpTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private HotReloader reloader;

	@Test
	void postFromLoopbackIsAnsweredWithTheCsrfException() throws Exception {
		int generation = this.reloader.bean("endpointGreeter").generation();
		HttpResponse<String> reload = post("/actuator/hotreload/endpointGreeter");
		assertThat(reload.statusCode()).isEqualTo(200);
		assertThat(reload.body()).contains("\"outcome\":\"RELOADED\"");
		assertThat(this.reloader.bean("endpointGreeter").generation()).isEqualTo(generation + 1);
	}

	@Test
	void csrfStillGuardsTheApplicationsPaths() throws Exception {
		assertThat(post("/greetings").statusCode()).isEqualTo(403);
	}

	@Test
	void otherClientsAreStillForbidden() {
		for (InetAddress address : ForwardedClients.otherMachines()) {
			Response reload = ForwardedClients.send(address, this.port, "POST", "/actuator/hotreload/endpointGreeter");
			assertThat(reload.status()).isEqualTo(403);
			assertThat(reload.body()).contains("hotreload.endpoint.allow-remote-clients=true");
		}
	}

	private HttpResponse<String> post(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
