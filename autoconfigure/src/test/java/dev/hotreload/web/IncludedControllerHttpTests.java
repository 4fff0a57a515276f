package dev.hotreload.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A controller of an existing application, made reloadable by a {@code hotreload.include}
 * pattern without editing its code, keeps serving its request mapping over real HTTP
 * across reloads, with its state.
 */
@SpringBootTest(classes = IncludedControllerHttpTests.TestApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hotreload.enabled=true", "hotreload.include=dev.hotreload.web.*Controller" })
class IncludedControllerHttpTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private HotReloader reloader;

	@Test
	void includedControllerIsReloadableAndKeepsServing() throws Exception {
		assertThat(AopUtils.isAopProxy(this.context.getBean(VisitsController.class))).isTrue();
		String beanName = this.context.getBeanNamesForType(VisitsController.class)[0];
		assertThat(this.reloader.reloadableBeans()).containsExactly(beanName);
		assertThat(get("/visits")).isEqualTo("visit 1");
		ReloadRecord record = this.reloader.reload(beanName);
		assertThat(record.outcome()).isEqualTo(ReloadRecord.Outcome.RELOADED);
		assertThat(record.fields().kept()).containsExactly("visits");
		assertThat(get("/visits")).isEqualTo("visit 2");
		assertThat(this.reloader.reload(beanName).generation()).isEqualTo(3);
		assertThat(get("/visits")).isEqualTo("visit 3");
	}

	private String get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build();
		HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(VisitsController.class)
	static class TestApplication {

	}

}
