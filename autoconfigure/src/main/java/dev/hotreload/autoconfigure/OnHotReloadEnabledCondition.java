package dev.hotreload.autoconfigure;

import dev.hotreload.activation.HotReloadActivation;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when hot reload is on, as {@link HotReloadActivation} decides it from the
 * context's environment.
 */
class OnHotReloadEnabledCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		HotReloadActivation activation = HotReloadActivation.of(context.getEnvironment());
		return new ConditionOutcome(activation.isOn(),
				ConditionMessage.forCondition("Hot reload").because(activation.reason()));
	}

}
