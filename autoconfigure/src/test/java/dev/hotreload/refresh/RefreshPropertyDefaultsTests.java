package dev.hotreload.refresh;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RefreshPropertyDefaults}: the properties a refreshable run takes
 * unless its configuration sets them.
 */
class RefreshPropertyDefaultsTests {

	private final RefreshPropertyDefaults defaults = new RefreshPropertyDefaults();

	@AfterEach
	void reset() {
		RefreshRuntime.reset();
	}

	@Test
	void addsNothingWhenTheApplicationIsNotRefreshable() {
		StandardEnvironment environment = new StandardEnvironment();
		this.defaults.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().contains(RefreshPropertyDefaults.SOURCE_NAME)).isFalse();
	}

	@Test
	void addsTheRestartsDefaultsAndTheKeptPropertiesLast() {
		RefreshRuntime runtime = RefreshRuntime.activate(new TestRestart(true));
		runtime.keepProperty("spring.security.user.password", "kept");
		StandardEnvironment environment = new StandardEnvironment();
		this.defaults.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("server.servlet.session.persistent")).isEqualTo("true");
		assertThat(environment.getProperty("spring.security.user.password")).isEqualTo("kept");
		PropertySource<?> last = environment.getPropertySources().stream().reduce((first, second) -> second).get();
		assertThat(last.getName()).isEqualTo(RefreshPropertyDefaults.SOURCE_NAME);
	}

	@Test
	void applicationsOwnValuesWinAndAKeptPropertyThatItSetsIsForgotten() {
		RefreshRuntime runtime = RefreshRuntime.activate(new TestRestart(true));
		runtime.keepProperty("spring.security.user.password", "kept");
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("application",
					Map.of("server.servlet.session.persistent", "false", "spring.security.user.password", "own")));
		this.defaults.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("server.servlet.session.persistent")).isEqualTo("false");
		assertThat(environment.getProperty("spring.security.user.password")).isEqualTo("own");
		assertThat(environment.getPropertySources().contains(RefreshPropertyDefaults.SOURCE_NAME)).isFalse();
		assertThat(runtime.keptProperties()).isEmpty();
	}

	@Test
	void addsNothingOnAThreadThatDoesNotRunTheApplication() {
		RefreshRuntime.activate(new TestRestart(false));
		StandardEnvironment environment = new StandardEnvironment();
		this.defaults.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().contains(RefreshPropertyDefaults.SOURCE_NAME)).isFalse();
	}

	private static final class TestRestart implements RefreshRuntime.Restart {

		private final boolean runs;

		TestRestart(boolean runs) {
			this.runs = runs;
		}

		@Override
		public void restart() {
		}

		@Override
		public boolean runs(Thread thread) {
			return this.runs;
		}

		@Override
		public Map<String, String> propertyDefaults() {
			return Refresher.PROPERTY_DEFAULTS;
		}

	}

}
