package dev.hotreload.autoconfigure;

import dev.hotreload.refresh.RefreshRuntime;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the application can be refreshed: it runs on hot reload's refresher or on
 * DevTools' restarter.
 */
class OnRefreshAvailableCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("Full refresh");
		return RefreshRuntime.current().isRefreshable() ? ConditionOutcome.match(message.available("a restarter"))
				: ConditionOutcome.noMatch(message.notAvailable("a restarter"));
	}

}
