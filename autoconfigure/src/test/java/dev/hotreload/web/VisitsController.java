package dev.hotreload.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A controller without {@code @HotReloadable}, made reloadable by
 * {@code hotreload.include}.
 */
@RestController
public class VisitsController {

	private int visits;

	/**
	 * Count a visit.
	 * @return the visit's number
	 */
	@GetMapping("/visits")
	public String visit() {
		this.visits++;
		return "visit " + this.visits;
	}

}
