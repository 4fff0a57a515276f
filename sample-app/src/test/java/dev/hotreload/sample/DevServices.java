package dev.hotreload.sample;

import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;

/**
 * The sample's dev services: a PostgreSQL container that the application connects to
 * through {@link ServiceConnection}, instead of the in-memory H2 database. Started by
 * {@link TestSampleApplication}; the context stops the container when it closes.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DevServices {

	@Bean
	@ServiceConnection
	PostgreSQLContainer postgres() {
		return SamplePostgres.container();
	}

}
