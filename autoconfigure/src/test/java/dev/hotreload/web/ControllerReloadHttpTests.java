package dev.hotreload.web;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.testsupport.ReloadableClasses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reloadable controller is fully hot over real HTTP: its request mappings, handler
 * signatures and {@code @InitBinder}, {@code @ModelAttribute} and
 * {@code @ExceptionHandler} methods follow the reloaded class, and its state is kept.
 */
@ExtendWith(OutputCaptureExtension.class)
class ControllerReloadHttpTests {

	private static final String VETS = "demo.VetController";

	// Synchronized: requests run on several threads at once.
	private static final String VETS_V1 = vetController("""
				@GetMapping("/vets")
				public synchronized String vets() {
					this.visits++;
					return "vets " + this.visits;
				}
				@GetMapping("/owners/find")
				public String find() {
					return "find";
				}
			""");

	private static final String OWNERS = "demo.OwnerController";

	private static final String OWNER_FORM = """
			package demo;
			public class OwnerForm {
				private int id;
				private String name;
				public int getId() {
					return this.id;
				}
				public void setId(int id) {
					this.id = id;
				}
				public String getName() {
					return this.name;
				}
				public void setName(String name) {
					this.name = name;
				}
			}
			""";

	@TempDir
	Path temp;

	private WebApp app;

	private ReloadableClasses classes;

	@AfterEach
	void stop() throws IOException {
		if (this.app != null) {
			this.app.close();
		}
		if (this.classes != null) {
			this.classes.close();
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

	// The vets controller, with its visits field and the given members.
	private static String vetController(String members) {
		return """
				package demo;
				import org.springframework.web.bind.annotation.*;
				@dev.hotreload.HotReloadable
				@RestController
				public class VetController {
					private int visits;
				""" + members + "}\n";
	}

	// The owners controller, with the given extra members.
	private static String owners(String members) {
		return """
				package demo;
				import org.springframework.ui.Model;
				import org.springframework.web.bind.annotation.*;
				@dev.hotreload.HotReloadable
				@RestController
				public class OwnerController {
					@PostMapping("/owners")
					public String save(@ModelAttribute("owner") OwnerForm owner) {
						return "owner " + owner.getId() + " " + owner.getName();
					}
					@GetMapping("/owners/page")
					public String page(Model model) {
						return "page " + model.getAttribute("title");
					}
					@GetMapping("/owners/boom")
					public String boom() {
						throw new IllegalArgumentException("boom");
					}
				""" + members + "}\n";
	}

	@Test
	void newMappingAnswersRemovedOneIsNotFoundChangedPathMovesAndStateIsKept(CapturedOutput output) {
		WebApp app = start(VETS, VETS_V1);
		assertThat(app.get("/vets").body()).isEqualTo("vets 1");
		assertThat(app.get("/vets/count").statusCode()).isEqualTo(404);
		assertThat(app.get("/owners/find").body()).isEqualTo("find");

		this.classes.compile(VETS, vetController("""
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
				"""));
		ReloadRecord record = app.awaitRecords(1);
		assertThat(record.outcome()).isEqualTo(Outcome.RELOADED);
		assertThat(record.mappings().added()).containsExactly("GET /owners/search", "GET /vets/count");
		assertThat(record.mappings().removed()).containsExactly("GET /owners/find");
		assertThat(record.mappings().changed()).isEmpty();
		assertThat(output).contains("to generation 2", "kept [visits]",
				"; mappings +GET /owners/search, +GET /vets/count, -GET /owners/find");
		assertThat(app.get("/vets/count").body()).isEqualTo("count 1");
		assertThat(app.get("/vets").body()).isEqualTo("vets 2");
		assertThat(app.get("/owners/find").statusCode()).isEqualTo(404);
		assertThat(app.get("/owners/search").body()).isEqualTo("search");
		DocumentContext bean = JsonPath.parse(app.get("/actuator/hotreload/vetController").body());
		assertThat(bean.read("$.generation", Integer.class)).isEqualTo(2);
		assertThat(bean.read("$.mappings", List.class)).containsExactly("GET /owners/search", "GET /vets",
				"GET /vets/count");
		assertThat(bean.read("$.history[0].mappings.added", List.class)).containsExactly("GET /owners/search",
				"GET /vets/count");
		assertThat(bean.read("$.history[0].mappings.removed", List.class)).containsExactly("GET /owners/find");
	}

	@Test
	void newRequestParamAndPathVariableAreBound() {
		WebApp app = start(VETS, VETS_V1);
		assertThat(app.get("/vets").body()).isEqualTo("vets 1");
		this.classes.compile(VETS, vetController("""
					@GetMapping("/vets")
					public String vets(@RequestParam(defaultValue = "vets") String label) {
						this.visits++;
						return label + " " + this.visits;
					}
					@GetMapping("/owners/{ownerId}/find")
					public String find(@PathVariable int ownerId) {
						return "find " + ownerId;
					}
				"""));
		ReloadRecord record = app.awaitRecords(1);
		assertThat(record.outcome()).isEqualTo(Outcome.RELOADED);
		assertThat(record.mappings().added()).containsExactly("GET /owners/{ownerId}/find");
		assertThat(record.mappings().removed()).containsExactly("GET /owners/find");
		assertThat(record.mappings().changed()).containsExactly("GET /vets");
		assertThat(app.get("/vets?label=visit").body()).isEqualTo("visit 2");
		assertThat(app.get("/vets").body()).isEqualTo("vets 3");
		assertThat(app.get("/owners/7/find").body()).isEqualTo("find 7");
		assertThat(app.get("/owners/find").statusCode()).isEqualTo(404);
	}

	@Test
	void newInitBinderRuleKeepsAFormFieldOut() {
		WebApp app = start("demo.OwnerForm", OWNER_FORM, OWNERS, owners(""));
		assertThat(app.postForm("/owners", "id=5&name=Ada").body()).isEqualTo("owner 5 Ada");
		this.classes.compile(OWNERS, owners("""
				@InitBinder
				public void setAllowedFields(org.springframework.web.bind.WebDataBinder binder) {
					binder.setDisallowedFields("id");
				}
				"""));
		assertThat(app.awaitRecords(1).outcome()).isEqualTo(Outcome.RELOADED);
		assertThat(app.postForm("/owners", "id=5&name=Ada").body()).isEqualTo("owner 0 Ada");
		this.classes.compile(OWNERS, owners(""));
		assertThat(app.awaitRecords(2).outcome()).isEqualTo(Outcome.RELOADED);
		assertThat(app.postForm("/owners", "id=6&name=Grace").body()).isEqualTo("owner 6 Grace");
	}

	@Test
	void renamedModelAttributeMethodKeepsPagesWorking() {
		WebApp app = start("demo.OwnerForm", OWNER_FORM, OWNERS, owners("""
				@ModelAttribute("title")
				public String title() {
					return "Owners";
				}
				"""));
		assertThat(app.get("/owners/page").body()).isEqualTo("page Owners");
		this.classes.compile(OWNERS, owners("""
				@ModelAttribute("title")
				public String pageTitle() {
					return "All owners";
				}
				"""));
		assertThat(app.awaitRecords(1).outcome()).isEqualTo(Outcome.RELOADED);
		assertThat(app.get("/owners/page").body()).isEqualTo("page All owners");
	}

	@Test
	void changedExceptionHandlerAnswers() {
		WebApp app = start("demo.OwnerForm", OWNER_FORM, OWNERS, owners("""
				@ExceptionHandler(IllegalArgumentException.class)
				public org.springframework.http.ResponseEntity<String> badRequest(IllegalArgumentException ex) {
					return org.springframework.http.ResponseEntity.badRequest().body("bad: " + ex.getMessage());
				}
				"""));
		assertThat(app.get("/owners/boom")).satisfies((response) -> {
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.body()).isEqualTo("bad: boom");
		});
		this.classes.compile(OWNERS, owners("""
				@ExceptionHandler(IllegalArgumentException.class)
				public org.springframework.http.ResponseEntity<String> conflict(IllegalArgumentException ex) {
					return org.springframework.http.ResponseEntity.status(409).body("conflict: " + ex.getMessage());
				}
				"""));
		assertThat(app.awaitRecords(1).outcome()).isEqualTo(Outcome.RELOADED);
		assertThat(app.get("/owners/boom")).satisfies((response) -> {
			assertThat(response.statusCode()).isEqualTo(409);
			assertThat(response.body()).isEqualTo("conflict: boom");
		});
	}

	@Test
	void conflictingMappingFailsTheReloadAndThePreviousMappingsKeepServing() {
		WebApp app = start(VETS, VETS_V1, "demo.Elsewhere", """
				package demo;
				@org.springframework.web.bind.annotation.RestController
				public class Elsewhere {
					@org.springframework.web.bind.annotation.GetMapping("/taken")
					public String taken() {
						return "elsewhere";
					}
				}
				""");
		assertThat(app.get("/vets").body()).isEqualTo("vets 1");
		this.classes.compile(VETS, vetController("""
					@GetMapping("/vets")
					public String vets() {
						this.visits += 100;
						return "new vets " + this.visits;
					}
					@GetMapping("/vets/count")
					public String count() {
						return "count " + this.visits;
					}
					@GetMapping("/taken")
					public String taken() {
						return "vets";
					}
				"""));
		ReloadRecord record = app.awaitRecords(1);
		assertThat(record.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(record.generation()).isEqualTo(1);
		assertThat(record.failure()).isNotNull();
		assertThat(record.failure().message())
			.startsWith("Request mappings of 'vetController' not changed: Ambiguous mapping.")
			.contains("/taken")
			.doesNotContain("\n");
		assertThat(app.get("/vets").body()).isEqualTo("vets 2");
		assertThat(app.get("/owners/find").body()).isEqualTo("find");
		assertThat(app.get("/vets/count").statusCode()).isEqualTo(404);
		assertThat(app.get("/taken").body()).isEqualTo("elsewhere");
		assertThat(app.context().getBean(ControllerMappings.class).mappingsOf("vetController"))
			.containsExactly("GET /owners/find", "GET /vets");
	}

	@Test
	void controllerWithResetPolicyServesNewMappingsWithFreshState() {
		String resetVets = VETS_V1.replace("@dev.hotreload.HotReloadable",
				"@dev.hotreload.HotReloadable(state = dev.hotreload.StatePolicy.RESET)");
		WebApp app = start(VETS, resetVets);
		assertThat(app.get("/vets").body()).isEqualTo("vets 1");
		assertThat(app.get("/vets").body()).isEqualTo("vets 2");
		this.classes.compile(VETS, resetVets.replace("/owners/find", "/owners/lookup"));
		assertThat(app.awaitRecords(1).outcome()).isEqualTo(Outcome.RELOADED);
		assertThat(app.get("/vets").body()).isEqualTo("vets 1");
		assertThat(app.get("/owners/lookup").body()).isEqualTo("find");
		assertThat(app.get("/owners/find").statusCode()).isEqualTo(404);
	}

	@Test
	void privateWebMethodIsNamedInAWarning(CapturedOutput output) {
		WebApp app = start(VETS, VETS_V1);
		this.classes.compile(VETS,
				VETS_V1.replace("@GetMapping(\"/owners/find\")",
						"@ModelAttribute(\"visits\") private int visitCount() { return this.visits; }\n"
								+ "@GetMapping(\"/owners/find\")"));
		assertThat(app.awaitRecords(1).outcome()).isEqualTo(Outcome.RELOADED);
		assertThat(output).contains("Controller 'vetController' has private or final web methods [visitCount]");
	}

	@Test
	void concurrentRequestsDuringReloadsLoseNoUpdate() throws Exception {
		WebApp app = start(VETS, VETS_V1);
		int threads = 4;
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger served = new AtomicInteger();
		List<String> unexpected = new CopyOnWriteArrayList<>();
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			for (int i = 0; i < threads; i++) {
				executor.submit(() -> {
					while (running.get()) {
						HttpResponse<String> response = app.get("/vets");
						if (response.statusCode() == 200) {
							served.incrementAndGet();
						}
						else {
							unexpected.add(response.statusCode() + " " + response.body());
						}
					}
				});
			}
			for (int generation = 2; generation <= 4; generation++) {
				String path = "/vets/gen" + generation;
				this.classes.compile(VETS, VETS_V1.replace("/owners/find", path));
				assertThat(app.awaitRecords(generation - 1).generation()).isEqualTo(generation);
				assertThat(app.get(path).body()).isEqualTo("find");
			}
		}
		finally {
			running.set(false);
			executor.shutdown();
			assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(unexpected).isEmpty();
		assertThat(served.get()).isPositive();
		assertThat(app.get("/vets").body()).isEqualTo("vets " + (served.get() + 1));
	}

}
