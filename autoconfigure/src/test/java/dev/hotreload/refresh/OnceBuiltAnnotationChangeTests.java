package dev.hotreload.refresh;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Category;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.ReloadRecord.Verdict;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A change of a once-built annotation on a reloadable bean, in a real application with
 * Spring Security's method security: the new generation is refused, since the advice
 * stays with the bean's proxy, and a full refresh applies it; with the refresh off, the
 * previous generation keeps serving, unsecured as it was, until a refresh.
 */
@Tag("spring-security")
class OnceBuiltAnnotationChangeTests {

	private static final String APP = """
			package demo;
			@org.springframework.boot.autoconfigure.SpringBootApplication
			@org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity
			public class App {
				public static void main(String[] args) {
					org.springframework.boot.SpringApplication.run(App.class, args);
				}
			}
			""";

	private static final String SECURITY = """
			package demo;
			import org.springframework.context.annotation.Bean;
			import org.springframework.security.config.annotation.web.builders.HttpSecurity;
			import org.springframework.security.core.userdetails.User;
			import org.springframework.security.provisioning.InMemoryUserDetailsManager;
			import org.springframework.security.web.SecurityFilterChain;
			@org.springframework.context.annotation.Configuration
			public class Security {
				@Bean
				SecurityFilterChain chain(HttpSecurity http) throws Exception {
					http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
						.httpBasic(org.springframework.security.config.Customizer.withDefaults())
						.csrf((csrf) -> csrf.disable());
					return http.build();
				}
				@Bean
				InMemoryUserDetailsManager users() {
					return new InMemoryUserDetailsManager(
							User.withUsername("user").password("{noop}secret").roles("USER").build());
				}
			}
			""";

	private static final String VAULT = """
			package demo;
			@org.springframework.stereotype.Service
			@dev.hotreload.HotReloadable
			public class Vault {
				%s
				public String open() {
					return "%s";
				}
			}
			""";

	private static final String CONTROLLER = """
			package demo;
			@org.springframework.web.bind.annotation.RestController
			public class VaultController {
				private final Vault vault;
				public VaultController(Vault vault) {
					this.vault = vault;
				}
				@org.springframework.web.bind.annotation.GetMapping("/vault")
				public String open() {
					return vault.open();
				}
			}
			""";

	private static final String PRE_AUTHORIZE = "@org.springframework.security.access.prepost.PreAuthorize(\"%s\")";

	private static final String ADDED = "@PreAuthorize on method open() added";

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@TempDir
	Path temp;

	@Test
	void addedAndChangedPreAuthorizeAreAppliedByARefresh() throws Exception {
		try (RefreshingApplication app = RefreshingApplication.start(this.temp, sources())) {
			assertThat(get(app, null).statusCode()).isEqualTo(200);
			assertThat(get(app, null).body()).isEqualTo("gold");
			long before = lastId(app);

			app.compile("demo.Vault", VAULT.formatted(PRE_AUTHORIZE.formatted("hasRole('USER')"), "gold v2"));
			ReloadRecord refreshed = awaitRefreshAfter(app, before);
			List<ReloadRecord> since = since(app, before);
			assertThat(since).noneMatch((record) -> record.outcome() == Outcome.RELOADED);
			ReloadRecord refused = since.stream()
				.filter((record) -> record.outcome() == Outcome.FAILED)
				.findFirst()
				.orElseThrow();
			assertThat(refused.bean()).isEqualTo("vault");
			assertThat(refused.verdicts()).singleElement().satisfies((verdict) -> {
				assertThat(verdict.className()).isEqualTo("demo.Vault");
				assertThat(verdict.category()).isEqualTo(Category.REFRESH);
				assertThat(verdict.reason()).contains(ADDED);
			});
			assertThat(refreshed.classes()).contains("demo.Vault");
			assertThat(refreshed.verdicts()).extracting(Verdict::reason)
				.anySatisfy((reason) -> assertThat(reason).contains(ADDED));
			await().atMost(Duration.ofSeconds(30))
				.ignoreExceptions()
				.untilAsserted(() -> assertThat(get(app, null).statusCode()).isEqualTo(401));
			HttpResponse<String> user = get(app, "user:secret");
			assertThat(user.statusCode()).isEqualTo(200);
			assertThat(user.body()).isEqualTo("gold v2");

			long second = lastId(app);
			app.compile("demo.Vault", VAULT.formatted(PRE_AUTHORIZE.formatted("hasRole('GUEST')"), "gold v3"));
			ReloadRecord again = awaitRefreshAfter(app, second);
			assertThat(again.verdicts()).extracting(Verdict::reason)
				.anySatisfy((reason) -> assertThat(reason).contains("@PreAuthorize on method open() changed"));
			await().atMost(Duration.ofSeconds(30))
				.ignoreExceptions()
				.untilAsserted(() -> assertThat(get(app, "user:secret").statusCode()).isEqualTo(403));
			assertThat(get(app, null).statusCode()).isEqualTo(401);
		}
	}

	@Test
	void addedPreAuthorizeWaitsForARefreshAndTheOldGenerationKeepsServingWhenRefreshingIsOff() throws Exception {
		try (RefreshingApplication app = RefreshingApplication.start(this.temp, sources(),
				"--hotreload.refresh.on-unreloadable-change=false")) {
			assertThat(get(app, null).body()).isEqualTo("gold");
			long before = lastId(app);

			app.compile("demo.Vault", VAULT.formatted(PRE_AUTHORIZE.formatted("hasRole('USER')"), "gold v2"));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> app.body("/actuator/hotreload").contains("\"pendingRefresh\":[{\"class\":\"demo.Vault\""));
			DocumentContext report = JsonPath.parse(app.body("/actuator/hotreload"));
			assertThat(report.read("$.pendingRefresh[0].reason", String.class)).contains(ADDED);
			List<ReloadRecord> since = since(app, before);
			assertThat(since).singleElement().satisfies((record) -> {
				assertThat(record.outcome()).isEqualTo(Outcome.FAILED);
				assertThat(record.bean()).isEqualTo("vault");
				assertThat(record.generation()).isEqualTo(1);
				assertThat(record.verdicts()).singleElement().satisfies((verdict) -> {
					assertThat(verdict.category()).isEqualTo(Category.REFRESH);
					assertThat(verdict.reason()).contains(ADDED);
				});
			});
			HttpResponse<String> anonymous = get(app, null);
			assertThat(anonymous.statusCode()).as("the previous generation, unsecured, keeps serving").isEqualTo(200);
			assertThat(anonymous.body()).isEqualTo("gold");
			assertThat(app.reloader().bean("vault").generation()).isEqualTo(1);

			long id = app.reloader().refresh();
			assertThat(app.awaitRecord(id).outcome()).isEqualTo(Outcome.REFRESHED);
			await().atMost(Duration.ofSeconds(30))
				.ignoreExceptions()
				.untilAsserted(() -> assertThat(get(app, null).statusCode()).isEqualTo(401));
			assertThat(get(app, "user:secret").body()).isEqualTo("gold v2");
			assertThat(JsonPath.parse(app.body("/actuator/hotreload")).read("$.pendingRefresh", List.class)).isEmpty();
		}
	}

	private HttpResponse<String> get(RefreshingApplication app, String credentials)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/vault"));
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static ReloadRecord awaitRefreshAfter(RefreshingApplication app, long id) {
		await().atMost(Duration.ofSeconds(90))
			.until(() -> since(app, id).stream().anyMatch((record) -> record.outcome() == Outcome.REFRESHED));
		return since(app, id).stream()
			.filter((record) -> record.outcome() == Outcome.REFRESHED)
			.findFirst()
			.orElseThrow();
	}

	private static List<ReloadRecord> since(RefreshingApplication app, long id) {
		return app.history().stream().filter((record) -> record.id() > id).toList();
	}

	private static long lastId(RefreshingApplication app) {
		List<ReloadRecord> history = app.history();
		return history.isEmpty() ? 0 : history.get(0).id();
	}

	private static List<String> sources() {
		return List.of("demo.App", APP, "demo.Security", SECURITY, "demo.Vault", VAULT.formatted("", "gold"),
				"demo.VaultController", CONTROLLER);
	}

}
