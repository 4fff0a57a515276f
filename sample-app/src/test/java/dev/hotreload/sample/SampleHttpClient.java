package dev.hotreload.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls the running sample app over real HTTP and reads its JSON answers.
 */
final class SampleHttpClient {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final String baseUrl;

	SampleHttpClient(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	Visit hello() {
		return this.json.readValue(get("/hello"), Visit.class);
	}

	ColonyReport colony() {
		return this.json.readValue(get("/colony"), ColonyReport.class);
	}

	ColonyReport tick() {
		return this.json.readValue(
				send(HttpRequest.newBuilder(uri("/colony/tick")).POST(HttpRequest.BodyPublishers.noBody()).build()),
				ColonyReport.class);
	}

	JsonNode hotReload() {
		return this.json.readTree(get("/actuator/hotreload"));
	}

	JsonNode hotReload(String beanName) {
		return this.json.readTree(get("/actuator/hotreload/" + beanName));
	}

	int generationOf(String beanName) {
		return hotReload(beanName).get("generation").asInt();
	}

	private String get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET().build());
	}

	private String send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(request.method() + " " + request.uri()).isEqualTo(200);
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create(this.baseUrl + path);
	}

}
