package dev.hotreload.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * A real Spring MVC application on an embedded server at a random port, whose classes
 * come from a {@link ReloadableClasses} directory, with hot reload on: tests compile a
 * first version of a controller, start the application, compile a changed version and
 * send real HTTP requests.
 */
final class WebApp implements AutoCloseable {

	/**
	 * Source of {@code demo.App}, a Spring Boot application that scans {@code demo}.
	 */
	static final String APPLICATION_NAME = "demo.App";

	static final String APPLICATION = """
			package demo;
			@org.springframework.boot.autoconfigure.SpringBootApplication(proxyBeanMethods = false)
			public class App {
			}
			""";

	private final HttpClient client = HttpClient.newHttpClient();

	private final ConfigurableApplicationContext context;

	private final int port;

	private WebApp(ConfigurableApplicationContext context) {
		this.context = context;
		this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/**
	 * Start {@code demo.App}, compiled into the directory.
	 * @param classes the class directory
	 * @return the running application
	 */
	static WebApp start(ReloadableClasses classes) {
		SpringApplication application = new SpringApplication(new DefaultResourceLoader(classes.classLoader()),
				classes.load("demo.App"));
		// Without source mode, which would watch this module's own sources, so that an
		// edit of them while the test runs would add records to its history
		return new WebApp(application.run("--server.port=0", "--hotreload.enabled=true",
				"--hotreload.source.enabled=false", "--hotreload.watch.quiet-period=100ms",
				"--spring.main.banner-mode=off", "--management.endpoints.web.exposure.include=hotreload"));
	}

	ConfigurableApplicationContext context() {
		return this.context;
	}

	HotReloader reloader() {
		return this.context.getBean(HotReloader.class);
	}

	/**
	 * Wait for the reload of a compiled change.
	 * @param count the number of records the history holds after it
	 * @return the newest record
	 */
	ReloadRecord awaitRecords(int count) {
		return Reloads.awaitRecords(this.context, count);
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET().build());
	}

	HttpResponse<String> post(String path) {
		return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()).build());
	}

	HttpResponse<String> postForm(String path, String form) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.context.close();
	}

}
