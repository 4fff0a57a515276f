package dev.hotreload.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Category;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.testsupport.ReloadableClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Everyday edits of a petclinic-like web application, over real HTTP while requests keep
 * arriving: an entity that gets a new method saved together with the reloadable
 * controller that starts calling it, and a changed handler signature. Neither may be
 * reported as a success that fails at the next request, and no request may fail halfway
 * through its action.
 */
class PetclinicStyleChangeHttpTests {

	private static final String APP = """
			package demo;
			@org.springframework.boot.autoconfigure.SpringBootApplication
			public class App {
			}
			""";

	private static final String OWNER_V1 = """
			package demo;
			public class Owner {
				private final String firstName;
				private final String lastName;
				public Owner(String firstName, String lastName) { this.firstName = firstName; this.lastName = lastName; }
				public String getFirstName() { return firstName; }
				public String getLastName() { return lastName; }
			}
			""";

	private static final String OWNER_V2 = OWNER_V1.replace("public String getLastName() { return lastName; }",
			"public String getLastName() { return lastName; } "
					+ "public String getFullName() { return firstName + \" \" + lastName; }");

	private static final String REPOSITORY = """
			package demo;
			@org.springframework.stereotype.Component
			public class OwnerRepository {
				private final java.util.List<Owner> owners = new java.util.concurrent.CopyOnWriteArrayList<>();
				public void save(Owner owner) { owners.add(owner); }
				public int count() { return owners.size(); }
			}
			""";

	private static final String OWNER_CONTROLLER = """
			package demo;
			import org.springframework.web.bind.annotation.*;
			@RestController
			public class OwnerController {
				private final OwnerRepository owners;
				public OwnerController(OwnerRepository owners) { this.owners = owners; }
				@PostMapping("/owners")
				public String create(@RequestParam String first, @RequestParam String last) {
					Owner owner = new Owner(first, last);
					owners.save(owner);
					return "Saved " + %s;
				}
				@GetMapping("/owners/count")
				public int count() { return owners.count(); }
			}
			""";

	private static final String VET_CONTROLLER = """
			package demo;
			import org.springframework.web.bind.annotation.*;
			@RestController
			public class VetController {
				@GetMapping("/vets")
				public String showVetList(%s) { return %s; }
			}
			""";

	// What both tests start from, as pairs of class name and source
	private static final String[] FIRST_VERSION = { "demo.App", APP, "demo.Owner", OWNER_V1, "demo.OwnerRepository",
			REPOSITORY, "demo.OwnerController", OWNER_CONTROLLER.formatted("owner.getLastName()"), "demo.VetController",
			VET_CONTROLLER.formatted("", "\"vets\"") };

	private final HttpClient client = HttpClient.newHttpClient();

	@Test
	void entityMethodAndControllerCallingItSavedTogetherNeverFailARequest(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile(FIRST_VERSION);
			try (ConfigurableApplicationContext context = start(classes)) {
				int port = ((WebServerApplicationContext) context).getWebServer().getPort();
				HotReloader reloader = context.getBean(HotReloader.class);
				List<HttpResponse<String>> responses = new CopyOnWriteArrayList<>();
				AtomicBoolean posting = new AtomicBoolean(true);
				Thread poster = new Thread(() -> {
					while (posting.get()) {
						responses.add(send(port, "POST", "/owners?first=Jean&last=Coleman"));
					}
				}, "owner-poster");
				poster.start();
				await().until(() -> responses.size() >= 5);
				classes.compile("demo.Owner", OWNER_V2, "demo.OwnerController",
						OWNER_CONTROLLER.formatted("owner.getFullName()"));
				await().atMost(Duration.ofSeconds(20)).until(() -> !reloader.history().isEmpty());
				int atRecord = responses.size();
				await().until(() -> responses.size() >= atRecord + 20);
				posting.set(false);
				poster.join();

				assertThat(responses).allSatisfy((response) -> {
					assertThat(response.statusCode()).isEqualTo(200);
					assertThat(response.body()).isEqualTo("Saved Coleman");
				});
				assertThat(send(port, "GET", "/owners/count").body()).as("one owner per answered request")
					.isEqualTo(String.valueOf(responses.size()));
				String problem = "OwnerController generation 2 calls Owner.getFullName(), which the running Owner "
						+ "does not have: Owner changed shape: method getFullName() added";
				assertThat(reloader.history()).singleElement().satisfies((record) -> {
					assertThat(record.bean()).isEqualTo("ownerController");
					assertThat(record.outcome()).isEqualTo(Outcome.FAILED);
					assertThat(record.generation()).isEqualTo(1);
					assertThat(record.failure()).isNotNull();
					assertThat(record.failure().type()).isEqualTo("IncompatibleChange");
					assertThat(record.failure().message()).isEqualTo(problem);
					assertThat(record.verdicts()).extracting(ReloadRecord.Verdict::category)
						.containsOnly(Category.REFRESH);
				});
				DocumentContext report = JsonPath.parse(send(port, "GET", "/actuator/hotreload").body());
				assertThat(report.read("$.history[0].verdicts[0].class", String.class))
					.isEqualTo("demo.OwnerController");
				assertThat(report.read("$.history[0].verdicts[0].category", String.class)).isEqualTo("REFRESH");
				assertThat(report.read("$.history[0].verdicts[0].reason", String.class)).isEqualTo(problem);
				assertThat(report.read("$.pendingRefresh[*].class", List.class)).containsExactly("demo.Owner",
						"demo.OwnerController");
				assertThat(report.read("$.pendingRefresh[0].reason", String.class))
					.isEqualTo("changed shape: method getFullName() added");
			}
		}
	}

	@Test
	void changedHandlerSignatureIsServedByTheNewHandler(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile(FIRST_VERSION);
			try (ConfigurableApplicationContext context = start(classes)) {
				int port = ((WebServerApplicationContext) context).getWebServer().getPort();
				HotReloader reloader = context.getBean(HotReloader.class);
				assertThat(send(port, "GET", "/vets").body()).isEqualTo("vets");
				classes.compile("demo.VetController",
						VET_CONTROLLER.formatted("@RequestParam(defaultValue = \"5\") int size", "\"vets \" + size"));
				await().atMost(Duration.ofSeconds(20)).until(() -> !reloader.history().isEmpty());
				// Spring MVC, the handler's caller, is given the new handler method.
				assertThat(reloader.history()).singleElement().satisfies((record) -> {
					assertThat(record.bean()).isEqualTo("vetController");
					assertThat(record.outcome()).isEqualTo(Outcome.RELOADED);
					assertThat(record.mappings().changed()).containsExactly("GET /vets");
				});
				assertThat(send(port, "GET", "/vets?size=3").body()).isEqualTo("vets 3");
				assertThat(send(port, "GET", "/vets").body()).isEqualTo("vets 5");
				// A body edit of the same handler reloads as usual.
				classes.compile("demo.VetController", VET_CONTROLLER.formatted("", "\"all vets\""));
				await().atMost(Duration.ofSeconds(20)).until(() -> reloader.history().size() == 2);
				assertThat(reloader.history().get(0).outcome()).isEqualTo(Outcome.RELOADED);
				assertThat(send(port, "GET", "/vets").body()).isEqualTo("all vets");
			}
		}
	}

	private static ConfigurableApplicationContext start(ReloadableClasses classes) {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(classes.classLoader());
		try {
			return new SpringApplicationBuilder(classes.load("demo.App"))
				.resourceLoader(new DefaultResourceLoader(classes.classLoader()))
				// Without source mode, which would watch this module's own sources
				.properties("server.port=0", "hotreload.enabled=true", "hotreload.source.enabled=false",
						"hotreload.include=demo.*Controller", "hotreload.watch.quiet-period=300ms",
						"management.endpoints.web.exposure.include=hotreload", "spring.main.banner-mode=off")
				.run();
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	private HttpResponse<String> send(int port, String method, String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
