package dev.hotreload.access;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.util.ServletRequestPathUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LoopbackOnlyFilter}, with requests whose remote address is only a
 * field: no traffic is sent.
 */
class LoopbackOnlyFilterTests {

	private final AtomicInteger resolutions = new AtomicInteger();

	private final LoopbackOnlyFilter filter = new LoopbackOnlyFilter(() -> {
		this.resolutions.incrementAndGet();
		return List.of("/actuator/hotreload");
	}, "hotreload.endpoint.allow-remote-clients");

	@ParameterizedTest
	@ValueSource(strings = { "192.0.2.10", "2001:db8::1", "::ffff:192.0.2.10" })
	void otherClientsAreForbiddenWithTheReasonAndTheProperty(String client) throws Exception {
		MockHttpServletResponse response = filter("POST", "/actuator/hotreload", client);
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getContentType()).startsWith("text/plain");
		assertThat(response.getContentAsString()).contains("loopback")
			.contains("came from " + client)
			.contains("hotreload.endpoint.allow-remote-clients=true");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/hotreload", "/actuator/hotreload/", "/actuator/hotreload/greeter",
			"/actuator/hotreload/greeter/", "/actuator/%68otreload/greeter", "/actuator/hotreload;x=y/greeter",
			"/actuator/hotreload/greeter;x=y" })
	void everyPathOfTheEndpointIsForbiddenToOtherClients(String path) throws Exception {
		assertThat(filter("GET", path, "192.0.2.10").getStatus()).isEqualTo(403);
		assertThat(filter("POST", path, "2001:db8::1").getStatus()).isEqualTo(403);
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.0.1.1", "0:0:0:0:0:0:0:1", "::1", "::ffff:127.0.0.1" })
	void loopbackClientsPass(String client) throws Exception {
		MockHttpServletResponse response = filter("POST", "/actuator/hotreload/greeter", client);
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).isEqualTo("passed");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health", "/actuator", "/actuator/hotreloadx", "/hotreload", "/greeter",
			"/app/actuator/hotreload" })
	void otherPathsPassForEveryClient(String path) throws Exception {
		MockHttpServletResponse response = filter("POST", path, "192.0.2.10");
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).isEqualTo("passed");
	}

	@Test
	void pathIsWithinTheApplication() throws Exception {
		MockHttpServletRequest request = request("GET", "/app/actuator/hotreload", "192.0.2.10");
		request.setContextPath("/app");
		assertThat(filter(request).getStatus()).isEqualTo(403);
	}

	@Test
	void pathsAreResolvedOnceAndTheRequestIsLeftAsItWas() throws Exception {
		filter("GET", "/actuator/hotreload", "192.0.2.10");
		MockHttpServletRequest request = request("GET", "/actuator/health", "192.0.2.10");
		filter(request);
		assertThat(this.resolutions).hasValue(1);
		assertThat(ServletRequestPathUtils.hasParsedRequestPath(request)).isFalse();
	}

	private MockHttpServletResponse filter(String method, String path, String client) throws Exception {
		return filter(request(method, path, client));
	}

	private MockHttpServletRequest request(String method, String path, String client) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.setRemoteAddr(client);
		return request;
	}

	private MockHttpServletResponse filter(MockHttpServletRequest request) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain(new HttpServlet() {

			@Override
			protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
				res.getWriter().print("passed");
			}

		});
		this.filter.doFilter(request, response, chain);
		return response;
	}

}
