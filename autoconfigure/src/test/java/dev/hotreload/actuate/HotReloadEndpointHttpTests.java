package dev.hotreload.actuate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.hotreload.BeanReloadedEvent;
import dev.hotreload.HotReloadEvent;
import dev.hotreload.HotReloader;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code hotreload} endpoint over real HTTP, in an application whose reloadable bean
 * lives in a class directory of the classpath.
 */
@SpringBootTest(classes = HotReloadEndpointHttpTests.TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hotreload.enabled=true", "management.endpoints.web.exposure.include=hotreload,metrics",
				"spring.jackson.serialization.indent-output=true", "spring.jackson.default-property-inclusion=always" })
class HotReloadEndpointHttpTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private EndpointGreeter greeter;

	@Autowired
	private HotReloader reloader;

	@Autowired
	private EventCollector collector;

	@Test
	void reportsReloadsAndReloadsOnPost() throws Exception {
		// Other tests of this class share the context: start from where they left off.
		int generation = this.reloader.bean("endpointGreeter").generation();
		int reloads = this.reloader.history("endpointGreeter").size();
		String greeting = this.greeter.greet("Ada");
		int greetings = Integer.parseInt(greeting.substring(greeting.indexOf('#') + 1));

		HttpResponse<String> report = send("GET", "/actuator/hotreload");
		assertThat(report.statusCode()).isEqualTo(200);
		DocumentContext json = JsonPath.parse(report.body());
		assertThat(json.read("$.active", Boolean.class)).isTrue();
		assertThat(json.read("$.watchedPaths", List.class))
			.anySatisfy((path) -> assertThat(path.toString()).endsWith("test-classes"));
		assertThat(json.read("$.beans[?(@.name == 'endpointGreeter')].type", List.class))
			.containsExactly(EndpointGreeter.class.getName());
		assertThat(json.read("$.beans[?(@.name == 'endpointGreeter')].generation", List.class))
			.containsExactly(generation);
		assertThat(json.read("$.beans[?(@.name == 'endpointGreeter')].policy", List.class)).containsExactly("KEEP");
		assertThat(json.read("$.pendingRefresh", List.class)).isEmpty();

		HttpResponse<String> reload = send("POST", "/actuator/hotreload/endpointGreeter");
		assertThat(reload.statusCode()).isEqualTo(200);
		DocumentContext record = JsonPath.parse(reload.body());
		assertThat(record.read("$.bean", String.class)).isEqualTo("endpointGreeter");
		assertThat(record.read("$.trigger", String.class)).isEqualTo("ENDPOINT");
		assertThat(record.read("$.outcome", String.class)).isEqualTo("RELOADED");
		assertThat(record.read("$.generation", Integer.class)).isEqualTo(generation + 1);
		assertThat(record.read("$.classes", List.class)).containsExactly(EndpointGreeter.class.getName());
		assertThat(record.read("$.fields.kept", List.class)).containsExactly("greetings");
		assertThat(record.read("$.durationMillis", Double.class)).isPositive();
		assertThat(record.read("$.timestamp", String.class)).isNotBlank();
		assertThat(record.read("$", Map.class)).doesNotContainKey("failure");
		assertThat(reload.body()).as("actuator JSON, not the application's indented JSON").doesNotContain("\n");

		assertThat(this.greeter.greet("Ada")).isEqualTo("Hello Ada #" + (greetings + 1));

		HttpResponse<String> bean = send("GET", "/actuator/hotreload/endpointGreeter");
		assertThat(bean.statusCode()).isEqualTo(200);
		DocumentContext beanJson = JsonPath.parse(bean.body());
		assertThat(beanJson.read("$.name", String.class)).isEqualTo("endpointGreeter");
		assertThat(beanJson.read("$.generation", Integer.class)).isEqualTo(generation + 1);
		assertThat(beanJson.read("$.history[0].outcome", String.class)).isEqualTo("RELOADED");
		assertThat(beanJson.read("$.history.length()", Integer.class)).isEqualTo(reloads + 1);

		assertThat(JsonPath.parse(send("GET", "/actuator/hotreload").body()).read("$.history[0].id", Integer.class))
			.isEqualTo(record.read("$.id", Integer.class));
	}

	@Test
	void reloadsArePublishedAsEventsAndMeasured() throws Exception {
		this.collector.events.clear();
		HttpResponse<String> reload = send("POST", "/actuator/hotreload/endpointGreeter");
		long id = JsonPath.parse(reload.body()).read("$.id", Long.class);
		assertThat(this.collector.events).singleElement().isInstanceOf(BeanReloadedEvent.class).satisfies((event) -> {
			assertThat(event.getRecord().id()).isEqualTo(id);
			assertThat(event.getRecord().bean()).isEqualTo("endpointGreeter");
		});

		HttpResponse<String> timer = send("GET", "/actuator/metrics/hotreload.reloads?tag=bean:endpointGreeter");
		assertThat(timer.statusCode()).isEqualTo(200);
		DocumentContext timerJson = JsonPath.parse(timer.body());
		List<Double> count = timerJson.read("$.measurements[?(@.statistic == 'COUNT')].value");
		assertThat(count).singleElement().satisfies((value) -> assertThat(value).isGreaterThanOrEqualTo(1.0));
		assertThat(timerJson.read("$.availableTags[?(@.tag == 'outcome')].values[*]", List.class)).contains("RELOADED");
		HttpResponse<String> generation = send("GET",
				"/actuator/metrics/hotreload.bean.generation?tag=bean:endpointGreeter");
		assertThat(generation.statusCode()).isEqualTo(200);
		assertThat(JsonPath.parse(generation.body()).read("$.measurements[0].value", Double.class))
			.isEqualTo(this.reloader.bean("endpointGreeter").generation());
		assertThat(send("GET", "/actuator/metrics/hotreload.history.records").statusCode()).isEqualTo(200);
	}

	@Test
	void beanIsTheOneThePathNames() throws Exception {
		int generation = this.reloader.bean("endpointGreeter").generation();
		assertThat(send("POST", "/actuator/hotreload/nope?name=endpointGreeter").statusCode()).isEqualTo(400);
		HttpRequest withBody = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/hotreload/nope"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"endpointGreeter\"}"))
			.build();
		assertThat(this.client.send(withBody, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
		assertThat(send("GET", "/actuator/hotreload/nope?name=endpointGreeter").statusCode()).isEqualTo(400);
		assertThat(this.reloader.bean("endpointGreeter").generation()).isEqualTo(generation);
		assertThat(send("GET", "/actuator/hotreload/endpointGreeter").statusCode()).isEqualTo(200);
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

		@Bean
		EventCollector eventCollector() {
			return new EventCollector();
		}

	}

	static class EventCollector implements ApplicationListener<HotReloadEvent> {

		final List<HotReloadEvent> events = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(HotReloadEvent event) {
			this.events.add(event);
		}

	}

}
