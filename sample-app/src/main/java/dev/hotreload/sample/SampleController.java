package dev.hotreload.sample;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sample's HTTP API: {@code GET /hello} counts a visit, {@code GET /colony} shows the
 * colony and {@code POST /colony/tick} advances it by one tick at once.
 */
@RestController
public class SampleController {

	private final VisitCounter visitCounter;

	private final Colony colony;

	public SampleController(VisitCounter visitCounter, Colony colony) {
		this.visitCounter = visitCounter;
		this.colony = colony;
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
