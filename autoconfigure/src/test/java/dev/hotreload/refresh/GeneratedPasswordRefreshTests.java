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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.hotreload.ReloadRecord.Outcome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The password that Spring Boot generates for its default user, in a real application
 * with Spring Security and no user of its own, stays the same across full refreshes, so
 * that the developer's client keeps working; it is logged once, by Spring Boot, and never
 * by hot reload.
 */
@Tag("spring-security")
@ExtendWith(OutputCaptureExtension.class)
class GeneratedPasswordRefreshTests {

	private static final Pattern GENERATED = Pattern.compile("Using generated security password: (\\S+)");

	private static final String CONTROLLER = """
			package demo;
			@org.springframework.web.bind.annotation.RestController
			public class Hello {
				@org.springframework.web.bind.annotation.GetMapping("/hello")
				public String hello() {
					return "hello";
				}
			}
			""";

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@TempDir
	Path temp;

	@Test
	void generatedPasswordOfTheFirstRunStillWorksAfterARefresh(CapturedOutput output) throws Exception {
		try (RefreshingApplication app = RefreshingApplication.start(this.temp, sources())) {
			Matcher matcher = GENERATED.matcher(output.getOut());
			assertThat(matcher.find()).as("Spring Boot logs the generated password").isTrue();
			String password = matcher.group(1);
			assertThat(get(app, "user:" + password).statusCode()).isEqualTo(200);
			assertThat(get(app, null).statusCode()).isNotEqualTo(200);

			refresh(app);
			HttpResponse<String> after = get(app, "user:" + password);
			assertThat(after.statusCode()).isEqualTo(200);
			assertThat(after.body()).isEqualTo("hello");
			assertThat(get(app, "user:wrong").statusCode()).isEqualTo(401);

			refresh(app);
			assertThat(get(app, "user:" + password).statusCode()).as("after a second refresh").isEqualTo(200);
			assertThat(output.getOut()).as("logged once, by Spring Boot").containsOnlyOnce(password);
			assertThat(output.getErr()).doesNotContain(password);
		}
	}

	@Test
	void passwordOfTheApplicationIsNotKept() throws Exception {
		try (RefreshingApplication app = RefreshingApplication.start(this.temp, sources(),
				"--spring.security.user.password=own")) {
			assertThat(get(app, "user:own").statusCode()).isEqualTo(200);
			refresh(app);
			assertThat(get(app, "user:own").statusCode()).isEqualTo(200);
			assertThat(RefreshRuntime.current().keptProperties()).isEmpty();
		}
	}

	private static void refresh(RefreshingApplication app) {
		long id = app.reloader().refresh();
		assertThat(app.awaitRecord(id).outcome()).isEqualTo(Outcome.REFRESHED);
	}

	private HttpResponse<String> get(RefreshingApplication app, String credentials)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/hello"));
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static List<String> sources() {
		return List.of("demo.App", RefreshingApplication.APP, "demo.Hello", CONTROLLER);
	}

}
