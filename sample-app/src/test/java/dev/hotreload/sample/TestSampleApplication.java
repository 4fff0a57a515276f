package dev.hotreload.sample;

import org.springframework.boot.SpringApplication;

/**
 * Runs the sample app against PostgreSQL in a Testcontainers container, with the same
 * {@code main} as {@link SampleApplication} and the {@link DevServices} added:
 * {@code ./mvnw -pl sample-app -am spring-boot:test-run}.
 */
public final class TestSampleApplication {

	private TestSampleApplication() {
	}

	public static void main(String[] args) {
		SpringApplication.from(SampleApplication::main).with(DevServices.class).run(args);
	}

}
