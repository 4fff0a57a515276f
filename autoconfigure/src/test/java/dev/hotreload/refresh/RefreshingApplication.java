package dev.hotreload.refresh;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.testsupport.TestCompiler;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Spring Boot application compiled from sources into a real class directory and run
 * from its {@code main} method on a {@link Refresher}, as hot reload runs an application
 * started from an IDE, with a real web server on a random port (or the
 * {@code --server.port} given).
 */
final class RefreshingApplication implements AutoCloseable {

	static final String APP = """
			package demo;
			@org.springframework.boot.autoconfigure.SpringBootApplication
			public class App {
				public static void main(String[] args) {
					org.springframework.boot.SpringApplication.run(App.class, args);
				}
			}
			""";

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Path classes;

	private final Refresher refresher;

	private RefreshingApplication(Path classes, Refresher refresher) {
		this.classes = classes;
		this.refresher = refresher;
	}

	/**
	 * Compile the sources and run {@code demo.App}.
	 * @param temp a temporary directory of the test
	 * @param sources pairs of class name and source, {@code demo.App} included
	 * @param args further arguments of the application
	 * @return the running application
	 */
	static RefreshingApplication start(Path temp, List<String> sources, String... args) throws IOException {
		Path classes = Files.createDirectories(temp.resolve("target/classes")).toRealPath();
		compile(classes, sources);
		List<String> allArgs = new ArrayList<>(List.of("--hotreload.enabled=true",
				"--management.endpoints.web.exposure.include=hotreload", "--spring.main.banner-mode=off"));
		// Source mode off unless the test turns it on.
		if (List.of(args).stream().noneMatch((arg) -> arg.startsWith("--hotreload.source.enabled="))) {
			allArgs.add("--hotreload.source.enabled=false");
		}
		// A random port unless the test names one: an option given twice binds to both.
		if (List.of(args).stream().noneMatch((arg) -> arg.startsWith("--server.port="))) {
			allArgs.add(0, "--server.port=0");
		}
		allArgs.addAll(List.of(args));
		// As the JVM's main thread runs SpringApplication before the refresher takes
		// over, which lets Spring Boot create its shutdown hook there.
		new SpringApplicationBuilder(Object.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run()
			.close();
		// The watch settings from the arguments, as a real start reads them.
		RefreshConditions conditions = RefreshConditions.of(allArgs.toArray(String[]::new));
		Refresher refresher = RefreshApplicationListener.install("demo.App", allArgs.toArray(String[]::new),
				List.of(toUrl(classes)), RefreshingApplication.class.getClassLoader(),
				RefreshApplicationListener.quietPeriods(conditions));
		Throwable error = refresher.start();
		if (error != null) {
			RefreshingApplication.stop();
			throw new IllegalStateException("The application did not start", error);
		}
		return new RefreshingApplication(classes, refresher);
	}

	private static java.net.URL toUrl(Path path) {
		try {
			return path.toUri().toURL();
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void compile(Path classes, List<String> sources) {
		Map<String, String> byName = new LinkedHashMap<>();
		for (int i = 0; i < sources.size(); i += 2) {
			byName.put(sources.get(i), sources.get(i + 1));
		}
		TestCompiler.compile(classes, byName);
	}

	/**
	 * Compile changed sources into the class directory, as an IDE does on save.
	 * @param sources pairs of class name and source
	 */
	void compile(String... sources) {
		compile(this.classes, List.of(sources));
	}

	Path classes() {
		return this.classes;
	}

	Refresher refresher() {
		return this.refresher;
	}

	/**
	 * Return the running context, waiting for one.
	 * @return the context of the current run
	 */
	ConfigurableApplicationContext context() {
		ConfigurableApplicationContext[] context = new ConfigurableApplicationContext[1];
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			List<ConfigurableApplicationContext> contexts = this.refresher.contexts();
			context[0] = contexts.isEmpty() ? null : contexts.get(0);
			return context[0] != null && context[0].isActive()
					&& context[0].getEnvironment().getProperty("local.server.port") != null;
		});
		return context[0];
	}

	HotReloader reloader() {
		return context().getBean(HotReloader.class);
	}

	/**
	 * Return the whole history, from the runtime, which outlives every context.
	 * @return the records, newest first
	 */
	List<ReloadRecord> history() {
		RefreshRuntime runtime = RefreshRuntime.current();
		assertThat(runtime.isRefreshable()).isTrue();
		return runtime.history(200).records();
	}

	/**
	 * Wait for the record of a refresh.
	 * @param id the record's id
	 * @return the record
	 */
	ReloadRecord awaitRecord(long id) {
		ReloadRecord[] found = new ReloadRecord[1];
		await().atMost(Duration.ofSeconds(90)).until(() -> {
			found[0] = history().stream().filter((record) -> record.id() == id).findFirst().orElse(null);
			return found[0] != null;
		});
		return found[0];
	}

	int port() {
		return context().getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path)).build();
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> post(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	String body(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	@Override
	public void close() {
		stop();
	}

	private static void stop() {
		RefreshRuntime.reset();
	}

}
