package dev.hotreload.actuate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code hotreload} endpoint over real HTTP, in an application whose reloadable bean
 * lives in a class directory of the classpath.
 */
@SpringBootTest(classes = HotReloadEndpointHttpTests.TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hotreload.enabled=true", "management.endpoints.web.exposure.include=hotreload" })
class HotReloadEndpointHttpTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private EndpointGreeter greeter;

	@Test
	void reportsReloadsAndReloadsOnPost() throws Exception {
		assertThat(this.greeter.greet("Ada")).isEqualTo("Hello Ada #1");

		HttpResponse<String> report = send("GET", "/actuator/hotreload");
		assertThat(report.statusCode()).isEqualTo(200);
		DocumentContext json = JsonPath.parse(report.body());
		assertThat(json.read("$.active", Boolean.class)).isTrue();
		assertThat(json.read("$.watchedPaths", List.class))
			.anySatisfy((path) -> assertThat(path.toString()).endsWith("test-classes"));
		assertThat(json.read("$.beans[?(@.name == 'endpointGreeter')].type", List.class))
			.containsExactly(EndpointGreeter.class.getName());
		assertThat(json.read("$.beans[?(@.name == 'endpointGreeter')].generation", List.class)).containsExactly(1);
		assertThat(json.read("$.beans[?(@.name == 'endpointGreeter')].state", List.class)).containsExactly("KEEP");

		HttpResponse<String> reload = send("POST", "/actuator/hotreload/endpointGreeter");
		assertThat(reload.statusCode()).isEqualTo(200);
		DocumentContext record = JsonPath.parse(reload.body());
		assertThat(record.read("$.bean", String.class)).isEqualTo("endpointGreeter");
		assertThat(record.read("$.trigger", String.class)).isEqualTo("ENDPOINT");
		assertThat(record.read("$.outcome", String.class)).isEqualTo("RELOADED");
		assertThat(record.read("$.generation", Integer.class)).isEqualTo(2);
		assertThat(record.read("$.classes", List.class)).containsExactly(EndpointGreeter.class.getName());
		assertThat(record.read("$.state.kept", List.class)).containsExactly("greetings");
		assertThat(record.read("$.durationMillis", Double.class)).isPositive();
		assertThat(record.read("$.timestamp", String.class)).isNotBlank();
		assertThat(record.read("$.error", Object.class)).isNull();

		assertThat(this.greeter.greet("Ada")).isEqualTo("Hello Ada #2");

		HttpResponse<String> bean = send("GET", "/actuator/hotreload/endpointGreeter");
		assertThat(bean.statusCode()).isEqualTo(200);
		DocumentContext beanJson = JsonPath.parse(bean.body());
		assertThat(beanJson.read("$.name", String.class)).isEqualTo("endpointGreeter");
		assertThat(beanJson.read("$.generation", Integer.class)).isEqualTo(2);
		assertThat(beanJson.read("$.history[0].outcome", String.class)).isEqualTo("RELOADED");
		assertThat(beanJson.read("$.history.length()", Integer.class)).isEqualTo(1);

		assertThat(JsonPath.parse(send("GET", "/actuator/hotreload").body()).read("$.history[0].id", Integer.class))
			.isEqualTo(record.read("$.id", Integer.class));
	}

	@Test
	void unknownBeanIsNotFound() throws Exception {
		assertThat(send("GET", "/actuator/hotreload/nope").statusCode()).isEqualTo(404);
		assertThat(send("POST", "/actuator/hotreload/nope").statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
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

	}

}
