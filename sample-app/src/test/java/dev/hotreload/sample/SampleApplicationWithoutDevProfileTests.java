package dev.hotreload.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.hotreload.HotReloader;
import dev.hotreload.reload.ClassChangeWatcher;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the sample app without the {@code dev} profile, as in production, and checks that
 * hot reload stays out of the way: no proxies, no engine, no watcher, no endpoint.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.colony.tick-interval=1h")
class SampleApplicationWithoutDevProfileTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private VisitCounter visitCounter;

	@Test
	void hotReloadIsOff() throws IOException, InterruptedException {
		assertThat(this.context.getBeanProvider(HotReloader.class).getIfAvailable()).isNull();
		assertThat(this.context.getBeanProvider(ClassChangeWatcher.class).getIfAvailable()).isNull();
		assertThat(AopUtils.isAopProxy(this.visitCounter)).isFalse();
		assertThat(this.visitCounter.getClass()).isEqualTo(VisitCounter.class);
		HttpResponse<Void> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/hotreload")).build(),
					HttpResponse.BodyHandlers.discarding());
		assertThat(response.statusCode()).isEqualTo(404);
	}

}
