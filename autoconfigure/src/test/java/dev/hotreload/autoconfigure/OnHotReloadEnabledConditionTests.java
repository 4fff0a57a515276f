package dev.hotreload.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport.ConditionAndOutcomes;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unit tests of {@link OnHotReloadEnabledCondition}: {@code hotreload.enabled} first,
 * then the profiles of {@code hotreload.profiles}, and the message each outcome leaves in
 * the condition evaluation report.
 */
class OnHotReloadEnabledConditionTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(HotReloadOnly.class);

	@Test
	void offWithoutAnyProfile() {
		this.runner.run((context) -> assertOff(context, "none of the profiles [dev] is active"));
	}

	@Test
	void onWithTheDevProfile() {
		this.runner.withPropertyValues("spring.profiles.active=dev")
			.run((context) -> assertOn(context, "one of the profiles [dev] is active"));
	}

	@Test
	void onWithTheDevProfileAmongOthers() {
		this.runner.withPropertyValues("spring.profiles.active=local,dev")
			.run((context) -> assertOn(context, "one of the profiles [dev] is active"));
	}

	@Test
	void onWithTheDevProfileAsDefaultProfile() {
		this.runner.withPropertyValues("spring.profiles.default=dev")
			.run((context) -> assertOn(context, "one of the profiles [dev] is active"));
	}

	@Test
	void offWithAnotherProfile() {
		this.runner.withPropertyValues("spring.profiles.active=prod")
			.run((context) -> assertOff(context, "none of the profiles [dev] is active"));
	}

	@Test
	void disabledWinsOverTheDevProfile() {
		this.runner.withPropertyValues("spring.profiles.active=dev", "hotreload.enabled=false")
			.run((context) -> assertOff(context, "hotreload.enabled is false"));
	}

	@Test
	void enabledForcesItOnWithoutProfile() {
		this.runner.withPropertyValues("hotreload.enabled=true")
			.run((context) -> assertOn(context, "hotreload.enabled is true"));
	}

	@Test
	void profilesOfItsOwn() {
		ApplicationContextRunner local = this.runner.withPropertyValues("hotreload.profiles=local,debug");
		local.withPropertyValues("spring.profiles.active=debug")
			.run((context) -> assertOn(context, "one of the profiles [local, debug] is active"));
		local.withPropertyValues("spring.profiles.active=dev")
			.run((context) -> assertOff(context, "none of the profiles [local, debug] is active"));
	}

	@Test
	void profilesBoundFromAnIndexedList() {
		this.runner.withPropertyValues("hotreload.profiles[0]=local", "spring.profiles.active=local")
			.run((context) -> assertOn(context, "one of the profiles [local] is active"));
	}

	@Test
	void emptyProfileListNeverTurnsItOn() {
		this.runner.withPropertyValues("hotreload.profiles=", "spring.profiles.active=dev")
			.run((context) -> assertOff(context, "none of the profiles [] is active"));
	}

	private void assertOn(AssertableApplicationContext context, String reason) {
		assertThat(context).hasNotFailed().hasBean("marker");
		assertThat(outcome(context).isMatch()).isTrue();
		assertThat(outcome(context).getMessage()).isEqualTo("Hot reload " + reason);
	}

	private void assertOff(AssertableApplicationContext context, String reason) {
		assertThat(context).hasNotFailed().doesNotHaveBean("marker");
		assertThat(outcome(context).isMatch()).isFalse();
		assertThat(outcome(context).getMessage()).isEqualTo("Hot reload " + reason);
	}

	private ConditionOutcome outcome(AssertableApplicationContext context) {
		ConditionEvaluationReport report = ConditionEvaluationReport.get(context.getBeanFactory());
		ConditionAndOutcomes outcomes = report.getConditionAndOutcomesBySource()
			.get(HotReloadOnly.class.getName() + "#marker");
		assertThat(outcomes).isNotNull();
		assertThat(outcomes).hasSize(1);
		return outcomes.iterator().next().getOutcome();
	}

	@Configuration(proxyBeanMethods = false)
	static class HotReloadOnly {

		@Bean
		@Conditional(OnHotReloadEnabledCondition.class)
		String marker() {
			return "on";
		}

	}

}
