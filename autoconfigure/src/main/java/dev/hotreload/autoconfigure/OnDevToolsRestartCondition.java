package dev.hotreload.autoconfigure;

import dev.hotreload.refresh.devtools.DevToolsRestart;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the application runs on DevTools' restarter.
 */
class OnDevToolsRestartCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("DevTools restart");
		return DevToolsRestart.isActive() ? ConditionOutcome.match(message.because("is active"))
				: ConditionOutcome.noMatch(message.because("is not active"));
	}

}
