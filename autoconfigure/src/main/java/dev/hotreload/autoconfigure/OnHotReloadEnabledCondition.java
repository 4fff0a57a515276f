package dev.hotreload.autoconfigure;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when hot reload is on: {@code hotreload.enabled=false} always wins,
 * {@code true} forces it on, and when it is unset one of {@code hotreload.profiles}
 * (default {@code dev}) must be active.
 */
class OnHotReloadEnabledCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("Hot reload");
		Binder binder = Binder.get(context.getEnvironment());
		Boolean enabled = binder.bind("hotreload.enabled", Boolean.class).orElse(null);
		if (enabled != null) {
			return new ConditionOutcome(enabled, message.because("hotreload.enabled is " + enabled));
		}
		List<String> profiles = binder.bind("hotreload.profiles", Bindable.listOf(String.class)).orElse(List.of("dev"));
		boolean active = !profiles.isEmpty()
				&& context.getEnvironment().acceptsProfiles(Profiles.of(profiles.toArray(String[]::new)));
		return new ConditionOutcome(active,
				message.because((active ? "one of the profiles " : "none of the profiles ") + profiles + " is active"));
	}

}
