package dev.hotreload.web;

import java.nio.file.Path;

import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.testsupport.ReloadableClasses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reloadable controller is fully hot over real HTTP: its request mappings, handler
 * signatures and {@code @InitBinder}, {@code @ModelAttribute} and
 * {@code @ExceptionHandler} methods follow the reloaded class, and its state is kept.
 */
class ControllerReloadHttpTests {

	private static final String VETS = "demo.VetController";

	private static final String VETS_V1 = """
			package demo;
			import org.springframework.web.bind.annotation.*;
			@dev.hotreload.HotReloadable
			@RestController
			public class VetController {
				private int visits;
				@GetMapping("/vets")
				public String vets() {
					this.visits++;
					return "vets " + this.visits;
				}
				@GetMapping("/owners/find")
				public String find() {
					return "find";
				}
			}
			""";

	@TempDir
	Path temp;

	private WebApp app;

	@AfterEach
	void stop() {
		if (this.app != null) {
			this.app.close();
		}
	}

	private WebApp start(String... sources) {
		ReloadableClasses classes = new ReloadableClasses(this.temp);
		classes.compile(WebApp.APPLICATION_NAME, WebApp.APPLICATION);
		classes.compile(sources);
		this.app = WebApp.start(classes);
		this.classes = classes;
		return this.app;
	}

	private ReloadableClasses classes;

	@Test
	void newMappingAnswersRemovedOneIsNotFoundChangedPathMovesAndStateIsKept() {
		WebApp app = start(VETS, VETS_V1);
		assertThat(app.get("/vets").body()).isEqualTo("vets 1");
		assertThat(app.get("/vets/count").statusCode()).isEqualTo(404);
		assertThat(app.get("/owners/find").body()).isEqualTo("find");

		this.classes.compile(VETS, """
				package demo;
				import org.springframework.web.bind.annotation.*;
				@dev.hotreload.HotReloadable
				@RestController
				public class VetController {
					private int visits;
					@GetMapping("/vets")
					public String vets() {
						this.visits++;
						return "vets " + this.visits;
					}
					@GetMapping("/vets/count")
					public String count() {
						return "count " + this.visits;
					}
					@GetMapping("/owners/search")
					public String find() {
						return "search";
					}
				}
				""");
		ReloadRecord record = app.awaitRecords(1);
		assertThat(record.outcome()).isEqualTo(Outcome.RELOADED);
		assertThat(app.get("/vets/count").body()).isEqualTo("count 1");
		assertThat(app.get("/vets").body()).isEqualTo("vets 2");
		assertThat(app.get("/owners/find").statusCode()).isEqualTo(404);
		assertThat(app.get("/owners/search").body()).isEqualTo("search");
		assertThat(app.context().getBean(ControllerMappings.class).mappingsOf("vetController"))
			.containsExactly("GET /owners/search", "GET /vets", "GET /vets/count");
	}

}
