package dev.hotreload.sample;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.hotreload.HotReloader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the sample app on the {@code dev} profile, builds up state over HTTP, recompiles
 * its beans' classes as a developer would, and checks that the app serves the new code
 * with the state it had. The colony only ticks when asked to, so that its state is known.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.colony.tick-interval=1h")
@ActiveProfiles("dev")
class SampleApplicationHotReloadTests {

	@LocalServerPort
	private int port;

	@Autowired
	private HotReloader hotReloader;

	@Autowired
	private GrowthModel growthModel;

	private final Map<String, RecompiledClass> changed = new LinkedHashMap<>();

	private SampleHttpClient client;

	@BeforeEach
	void createClient() {
		this.client = new SampleHttpClient(this.port);
	}

	@AfterEach
	void restoreOriginalClasses() {
		// Reload at once from the restored files, so that the next test starts from the
		// original code whatever the watcher does with the restore.
		this.changed.forEach((beanName, recompiled) -> {
			recompiled.restore();
			this.hotReloader.reload(beanName);
		});
	}

	@Test
	void visitCounterServesTheNewGreetingAndKeepsCounting() {
		long visits = this.client.hello().number();
		assertThat(this.client.hello().number()).isEqualTo(visits + 1);
		int generation = this.client.generationOf("visitCounter");
		RecompiledClass visitCounter = change("visitCounter", VisitCounter.class);
		visitCounter.recompile(visitCounter.edit("\"Hello, visitor #\"", "\"Welcome back, visitor #\""));
		awaitGeneration("visitCounter", generation + 1);
		assertThat(this.client.hello()).isEqualTo(new Visit(visits + 2, "Welcome back, visitor #" + (visits + 2)));
		JsonNode report = this.client.hotReload();
		assertThat(report.get("active").asBoolean()).isTrue();
		assertThat(report.get("beans").findValuesAsString("name")).containsExactly("colony", "guestbook",
				"logisticGrowth", "visitCounter");
		JsonNode newest = report.get("history").get(0);
		assertThat(newest.get("bean").asString()).isEqualTo("visitCounter");
		assertThat(newest.get("trigger").asString()).isEqualTo("FILE_CHANGE");
		assertThat(newest.get("outcome").asString()).isEqualTo("RELOADED");
		assertThat(newest.get("generation").asInt()).isEqualTo(generation + 1);
		assertThat(newest.get("classes").valueStream().map(JsonNode::asString))
			.containsExactly(VisitCounter.class.getName());
		assertThat(newest.get("fields").get("kept").valueStream().map(JsonNode::asString)).containsExactly("visits");
	}

	@Test
	void plainControllerIsRedefinedInPlaceAndTheCountGoesOn() {
		RecompiledClass controller = RecompiledClass.of(SampleController.class);
		long visits = this.client.hello().number();
		try {
			controller.recompile(controller.edit("return this.visitCounter.visit();",
					"Visit visit = this.visitCounter.visit(); return new Visit(visit.number(), visit.message() + \"!\");"));
			await().atMost(Duration.ofSeconds(10)).until(() -> this.client.hello().message().endsWith("!"));
			JsonNode newest = this.client.hotReload().get("history").get(0);
			assertThat(newest.get("outcome").asString()).isEqualTo("REDEFINED");
			assertThat(newest.get("classes").valueStream().map(JsonNode::asString))
				.containsExactly(SampleController.class.getName());
			assertThat(newest.get("verdicts").get(0).get("category").asString()).isEqualTo("REDEFINE");
			assertThat(newest.get("verdicts").get(0).get("reason").asString()).isEqualTo("shape unchanged");
			Visit visit = this.client.hello();
			assertThat(visit.number()).as("the count goes on").isGreaterThan(visits + 1);
			assertThat(visit.message()).endsWith("#" + visit.number() + "!");
		}
		finally {
			controller.restore();
			await().atMost(Duration.ofSeconds(10)).until(() -> !this.client.hello().message().endsWith("!"));
		}
	}

	@Test
	void growthModelIsReloadedBehindItsInterfaceAndTheColonyGrowsOnFromWhereItWas() {
		this.client.tick();
		ColonyReport before = this.client.tick();
		int generation = this.client.generationOf("logisticGrowth");
		RecompiledClass logisticGrowth = change("logisticGrowth", LogisticGrowth.class);
		logisticGrowth.recompile(logisticGrowth.edit("RATE_PERCENT = 10;", "RATE_PERCENT = 50;"));
		awaitGeneration("logisticGrowth", generation + 1);
		String growth = "logistic, 50% per tick, capacity 10000";
		assertThat(this.client.colony()).isEqualTo(new ColonyReport(before.tick(), before.population(), growth));
		long population = before.population();
		long grown = population + Math.round(population * 50 / 100.0 * (1 - (double) population / 10_000));
		assertThat(this.client.tick()).isEqualTo(new ColonyReport(before.tick() + 1, grown, growth));
	}

	@Test
	void colonyIsReloadedWithItsGrowthModelInjectedAgainAndItsTickAndPopulationKept() {
		ColonyReport before = this.client.tick();
		int generation = this.client.generationOf("colony");
		RecompiledClass colony = change("colony", Colony.class);
		colony.recompile(colony.edit("this.population = this.growthModel.next(this.population);",
				"this.population = this.growthModel.next(this.population) + 1000;"));
		awaitGeneration("colony", generation + 1);
		assertThat(this.client.colony()).isEqualTo(before);
		assertThat(this.client.tick()).isEqualTo(new ColonyReport(before.tick() + 1,
				this.growthModel.next(before.population()) + 1000, before.growth()));
		JsonNode state = this.client.hotReload("colony").get("history").get(0).get("fields");
		assertThat(state.get("kept").valueStream().map(JsonNode::asString)).containsExactly("tick", "population");
		assertThat(state.get("reset").isEmpty()).isTrue();
		assertThat(state.get("dropped").isEmpty()).isTrue();
	}

	private RecompiledClass change(String beanName, Class<?> type) {
		return this.changed.computeIfAbsent(beanName, (name) -> RecompiledClass.of(type));
	}

	private void awaitGeneration(String beanName, int generation) {
		await().atMost(Duration.ofSeconds(10)).until(() -> this.client.generationOf(beanName) == generation);
	}

}
