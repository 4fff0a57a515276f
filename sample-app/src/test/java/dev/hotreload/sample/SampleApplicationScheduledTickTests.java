package dev.hotreload.sample;

import java.time.Duration;

import dev.hotreload.HotReloader;
import org.junit.jupiter.api.AfterEach;
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
 * Runs the sample app with a fast scheduled tick and checks that the scheduler, set up
 * once on the colony's stable proxy, drives the new code after the colony's class is
 * reloaded.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.colony.tick-interval=20ms")
@ActiveProfiles("dev")
class SampleApplicationScheduledTickTests {

	@LocalServerPort
	private int port;

	@Autowired
	private HotReloader hotReloader;

	private final RecompiledClass colony = RecompiledClass.of(Colony.class);

	@AfterEach
	void restoreOriginalClass() {
		this.colony.restore();
		this.hotReloader.reload("colony");
	}

	@Test
	void scheduledTicksRunTheReloadedCode() {
		SampleHttpClient client = new SampleHttpClient(this.port);
		await().atMost(Duration.ofSeconds(10)).until(() -> client.colony().tick() >= 3);
		ColonyReport before = client.colony();
		int generation = client.generationOf("colony");
		this.colony.recompile(this.colony.edit("this.tick++;", "this.tick += 1000;"));
		await().atMost(Duration.ofSeconds(10)).until(() -> client.colony().tick() >= before.tick() + 1000);
		JsonNode newest = client.hotReload("colony").get("history").get(0);
		assertThat(newest.get("generation").asInt()).isEqualTo(generation + 1);
		assertThat(newest.get("fields").get("kept").valueStream().map(JsonNode::asString)).containsExactly("tick",
				"population");
	}

}
