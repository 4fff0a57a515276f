package dev.hotreload.sample;

import dev.hotreload.SurvivesRefresh;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;

/**
 * The sample's dev services: a PostgreSQL container that the application connects to
 * through {@link ServiceConnection}, instead of the in-memory H2 database. Started by
 * {@link TestSampleApplication}. The container is {@link SurvivesRefresh}: a full refresh
 * of the application keeps the same container, and so the data, while the context stops
 * it when the application ends.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DevServices {

	@Bean
	@ServiceConnection
	@SurvivesRefresh
	PostgreSQLContainer postgres() {
		return SamplePostgres.container();
	}

}
