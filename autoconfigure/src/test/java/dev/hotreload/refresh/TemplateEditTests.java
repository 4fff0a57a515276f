package dev.hotreload.refresh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import dev.hotreload.resources.DevelopmentCacheDefaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Without DevTools, a Thymeleaf template and a message edited in the class directory of a
 * running application are served at the next request, with no refresh and no record: hot
 * reload turns the caches off in development, unless the application set them.
 */
class TemplateEditTests {

	private static final String CONTROLLER = """
			package demo;
			@org.springframework.stereotype.Controller
			public class Pages {
				@org.springframework.web.bind.annotation.GetMapping("/page")
				public String page(org.springframework.ui.Model model) {
					model.addAttribute("name", "ann");
					return "page";
				}
			}
			""";

	@TempDir
	Path temp;

	@Test
	void editedTemplateAndMessageAreServedAtTheNextRequest() throws Exception {
		Path classes = Files.createDirectories(this.temp.resolve("target/classes"));
		write(classes, "templates/page.html", page("v1"));
		write(classes, "messages.properties", "greeting=Hello\n");
		try (RefreshingApplication app = RefreshingApplication.start(this.temp,
				List.of("demo.App", RefreshingApplication.APP, "demo.Pages", CONTROLLER))) {
			assertThat(app.body("/page")).contains(shown("v1", "Hello"));
			assertThat(app.context().getEnvironment().getPropertySources().get(DevelopmentCacheDefaults.SOURCE_NAME))
				.isNotNull();
			int records = app.history().size();
			write(classes, "templates/page.html", page("v2"));
			assertThat(app.body("/page")).contains(shown("v2", "Hello"));
			write(classes, "messages.properties", "greeting=Welcome\n");
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(app.body("/page")).contains(shown("v2", "Welcome")));
			assertThat(app.history()).hasSize(records);
		}
	}

	@Test
	void cacheThatTheApplicationSetStaysOn() throws Exception {
		Path classes = Files.createDirectories(this.temp.resolve("target/classes"));
		write(classes, "templates/page.html", page("v1"));
		write(classes, "messages.properties", "greeting=Hello\n");
		try (RefreshingApplication app = RefreshingApplication.start(this.temp,
				List.of("demo.App", RefreshingApplication.APP, "demo.Pages", CONTROLLER),
				"--spring.thymeleaf.cache=true")) {
			assertThat(app.body("/page")).contains(shown("v1", "Hello"));
			write(classes, "templates/page.html", page("v2"));
			assertThat(app.body("/page")).contains(shown("v1", "Hello"));
			assertThat(app.context().getEnvironment().getProperty("spring.messages.cache-duration")).isEqualTo("0s");
		}
	}

	private static String shown(String version, String greeting) {
		return "<p>" + version + " <span>" + greeting + "</span> <span>ann</span></p>";
	}

	private static String page(String version) {
		return """
				<!DOCTYPE html>
				<html xmlns:th="http://www.thymeleaf.org">
				<body><p>%s <span th:text="#{greeting}">x</span> <span th:text="${name}">y</span></p></body>
				</html>
				""".formatted(version);
	}

	private static void write(Path classes, String name, String content) throws IOException {
		Path file = classes.resolve(name);
		Files.createDirectories(file.getParent());
		Path temporary = Files.writeString(file.resolveSibling(file.getFileName() + ".tmp"), content);
		Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

}
