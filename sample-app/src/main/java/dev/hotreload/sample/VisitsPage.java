package dev.hotreload.sample;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sample's page, {@code GET /visits}: a Thymeleaf template that counts a visit and
 * shows the colony. With hot reload on, the page reloads itself after each change.
 */
@Controller
public class VisitsPage {

	private final VisitCounter visitCounter;

	private final Colony colony;

	private final SampleProperties properties;

	public VisitsPage(VisitCounter visitCounter, Colony colony, SampleProperties properties) {
		this.visitCounter = visitCounter;
		this.colony = colony;
		this.properties = properties;
	}

	@GetMapping("/visits")
	public String visits(Model model) {
		model.addAttribute("greeting", this.properties.getGreeting());
		model.addAttribute("visit", this.visitCounter.visit());
		model.addAttribute("colony", this.colony.report());
		return "visits";
	}

}
