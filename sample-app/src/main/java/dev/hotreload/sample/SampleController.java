package dev.hotreload.sample;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sample's HTTP API: {@code GET /hello} counts a visit, {@code GET /greeting} answers
 * {@code sample.greeting}, {@code GET /colony} shows the colony and
 * {@code POST /colony/tick} advances it by one tick at once.
 */
@RestController
public class SampleController {

	private final VisitCounter visitCounter;

	private final Colony colony;

	private final SampleProperties properties;

	public SampleController(VisitCounter visitCounter, Colony colony, SampleProperties properties) {
		this.visitCounter = visitCounter;
		this.colony = colony;
		this.properties = properties;
	}

	@GetMapping("/greeting")
	public String greeting() {
		return this.properties.getGreeting();
	}

	@GetMapping("/hello")
	public Visit hello() {
		return this.visitCounter.visit();
	}

	@GetMapping("/colony")
	public ColonyReport colony() {
		return this.colony.report();
	}

	@PostMapping("/colony/tick")
	public ColonyReport tick() {
		this.colony.tick();
		return this.colony.report();
	}

}
