package dev.hotreload.activation;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unit tests of {@link HotReloadActivation}: {@code hotreload.enabled} first, then
 * {@code hotreload.profiles} against the active profiles, or the default profiles when
 * none is active.
 */
class HotReloadActivationTests {

	@Test
	void offWithoutAnyProfile() {
		assertOff(environment(), "none of the profiles [dev] is active");
	}

	@Test
	void enabledForcesItOn() {
		assertOn(environment("hotreload.enabled", "true", "spring.profiles.active", "prod"),
				"hotreload.enabled is true");
	}

	@Test
	void disabledWinsOverTheDevProfile() {
		assertOff(environment("hotreload.enabled", "false", "spring.profiles.active", "dev"),
				"hotreload.enabled is false");
	}

	@Test
	void onWithTheDevProfileActive() {
		assertOn(environment("spring.profiles.active", "local,dev"), "one of the profiles [dev] is active");
	}

	@Test
	void onWithTheDevProfileIncluded() {
		assertOn(environment("spring.profiles.include", "dev"), "one of the profiles [dev] is active");
	}

	@Test
	void onWithTheDevProfileIncludedNextToAnotherActiveProfile() {
		assertOn(environment("spring.profiles.active", "prod", "spring.profiles.include", "dev"),
				"one of the profiles [dev] is active");
	}

	@Test
	void onWithTheDevProfileActiveBySetting() {
		MockEnvironment environment = environment();
		environment.setActiveProfiles("dev");
		assertOn(environment, "one of the profiles [dev] is active");
	}

	@Test
	void onWithTheDevProfileAsDefaultProfileAndNoActiveProfile() {
		assertOn(environment("spring.profiles.default", "dev"), "one of the profiles [dev] is active");
	}

	@Test
	void offWithTheDevProfileAsDefaultProfileButAnotherActive() {
		assertOff(environment("spring.profiles.default", "dev", "spring.profiles.active", "prod"),
				"none of the profiles [dev] is active");
	}

	@Test
	void offWithTheDevProfileAsDefaultProfileButAnotherIncluded() {
		assertOff(environment("spring.profiles.default", "dev", "spring.profiles.include", "prod"),
				"none of the profiles [dev] is active");
	}

	@Test
	void onWithTheDefaultProfileListedInItsProfiles() {
		assertOn(environment("hotreload.profiles", "default"), "one of the profiles [default] is active");
	}

	@Test
	void profilesOfItsOwn() {
		assertOn(environment("hotreload.profiles", "local,debug", "spring.profiles.active", "debug"),
				"one of the profiles [local, debug] is active");
		assertOff(environment("hotreload.profiles", "local,debug", "spring.profiles.active", "dev"),
				"none of the profiles [local, debug] is active");
		assertOn(environment("hotreload.profiles", "local", "spring.profiles.default", "local"),
				"one of the profiles [local] is active");
	}

	@Test
	void profileExpressions() {
		assertOn(environment("hotreload.profiles", "!prod", "spring.profiles.active", "test"),
				"one of the profiles [!prod] is active");
		assertOff(environment("hotreload.profiles", "!prod", "spring.profiles.active", "prod"),
				"none of the profiles [!prod] is active");
	}

	@Test
	void emptyProfileListNeverTurnsItOn() {
		assertOff(environment("hotreload.profiles", "", "spring.profiles.active", "dev"),
				"none of the profiles [] is active");
	}

	@Test
	void toStringSaysOnOrOffAndWhy() {
		assertThat(HotReloadActivation.of(environment("spring.profiles.default", "dev")))
			.hasToString("Hot reload is on: one of the profiles [dev] is active");
	}

	private static MockEnvironment environment(String... properties) {
		MockEnvironment environment = new MockEnvironment();
		for (int i = 0; i < properties.length; i += 2) {
			environment.setProperty(properties[i], properties[i + 1]);
		}
		return environment;
	}

	private static void assertOn(MockEnvironment environment, String reason) {
		HotReloadActivation activation = HotReloadActivation.of(environment);
		assertThat(activation.isOn()).isTrue();
		assertThat(activation.reason()).isEqualTo(reason);
	}

	private static void assertOff(MockEnvironment environment, String reason) {
		HotReloadActivation activation = HotReloadActivation.of(environment);
		assertThat(activation.isOn()).isFalse();
		assertThat(activation.reason()).isEqualTo(reason);
	}

}
