package dev.hotreload.sample;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sample's settings under {@code sample}: edit {@code sample.greeting} in
 * {@code application.properties} while the application runs, and {@code GET /greeting}
 * answers with the new value, rebound in place.
 */
@ConfigurationProperties("sample")
public class SampleProperties {

	/**
	 * What {@code GET /greeting} answers.
	 */
	private String greeting = "Hello";

	public String getGreeting() {
		return this.greeting;
	}

	public void setGreeting(String greeting) {
		this.greeting = greeting;
	}

}
