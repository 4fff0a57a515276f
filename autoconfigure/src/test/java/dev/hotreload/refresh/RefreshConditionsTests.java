package dev.hotreload.refresh;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unit tests of {@link RefreshConditions}: whether hot reload is on is decided from the
 * command-line arguments known at startup by the same rule as for the context, the
 * default profiles included.
 */
class RefreshConditionsTests {

	@Test
	void offWithoutAnyProfile() {
		RefreshConditions conditions = RefreshConditions.of(new String[0]);
		assertThat(conditions.isHotReloadEnabled()).isFalse();
		assertThat(conditions.reasonNotToRefresh(Thread.currentThread())).isEqualTo("hot reload is off");
	}

	@Test
	void onWithTheDevProfileActive() {
		assertOn(RefreshConditions.of(new String[] { "--spring.profiles.active=dev" }));
	}

	@Test
	void onWithTheDevProfileIncluded() {
		assertOn(RefreshConditions.of(new String[] { "--spring.profiles.include=dev" }));
	}

	@Test
	void onWithTheDevProfileAsDefaultProfile() {
		assertOn(RefreshConditions.of(new String[] { "--spring.profiles.default=dev" }));
	}

	@Test
	void offWithTheDevProfileAsDefaultProfileButAnotherActive() {
		RefreshConditions conditions = RefreshConditions
			.of(new String[] { "--spring.profiles.default=dev", "--spring.profiles.active=prod" });
		assertThat(conditions.isHotReloadEnabled()).isFalse();
	}

	@Test
	void disabledWinsOverTheDevProfile() {
		RefreshConditions conditions = RefreshConditions
			.of(new String[] { "--spring.profiles.active=dev", "--hotreload.enabled=false" });
		assertThat(conditions.isHotReloadEnabled()).isFalse();
		assertThat(conditions.reasonNotToRefresh(Thread.currentThread())).isEqualTo("hot reload is off");
	}

	@Test
	void refreshDisabledWithHotReloadOn() {
		RefreshConditions conditions = RefreshConditions
			.of(new String[] { "--spring.profiles.default=dev", "--hotreload.refresh.enabled=false" });
		assertThat(conditions.isHotReloadEnabled()).isTrue();
		assertThat(conditions.reasonNotToRefresh(Thread.currentThread()))
			.isEqualTo("hotreload.refresh.enabled is false");
	}

	private static void assertOn(RefreshConditions conditions) {
		assertThat(conditions.isHotReloadEnabled()).isTrue();
		// Hot reload is on, so only the test on the stack keeps the refresher out.
		assertThat(conditions.reasonNotToRefresh(Thread.currentThread())).isEqualTo("the application runs in a test");
	}

}
