package dev.hotreload.actuate;

import dev.hotreload.HotReloadable;

/**
 * A reloadable bean of the endpoint tests, compiled into the test class directory.
 */
@HotReloadable
public class EndpointGreeter {

	private int greetings;

	/**
	 * Greet someone.
	 * @param name who to greet
	 * @return the greeting
	 */
	public String greet(String name) {
		this.greetings++;
		return "Hello " + name + " #" + this.greetings;
	}

}
