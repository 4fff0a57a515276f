package dev.hotreload.activation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.util.Assert;

/**
 * Whether hot reload is on: {@code hotreload.enabled=false} always wins, {@code true}
 * forces it on, and when it is unset one of {@code hotreload.profiles} (default
 * {@code dev}) must be active, as Spring accepts profiles: the active ones
 * ({@code spring.profiles.active} and {@code spring.profiles.include}) if there are any,
 * else the default ones ({@code spring.profiles.default}, default {@code default}).
 */
public final class HotReloadActivation {

	private static final List<String> DEFAULT_PROFILES = List.of("dev");

	private final boolean on;

	private final String reason;

	private HotReloadActivation(boolean on, String reason) {
		this.on = on;
		this.reason = reason;
	}

	/**
	 * Decide from an environment: the application's, or one made of what is known before
	 * it exists.
	 * @param environment the environment to read
	 * @return the decision
	 */
	public static HotReloadActivation of(Environment environment) {
		Assert.notNull(environment, "'environment' must not be null");
		Binder binder = Binder.get(environment);
		Boolean enabled = binder.bind("hotreload.enabled", Boolean.class).orElse(null);
		if (enabled != null) {
			return new HotReloadActivation(enabled, "hotreload.enabled is " + enabled);
		}
		List<String> profiles = binder.bind("hotreload.profiles", Bindable.listOf(String.class))
			.orElse(DEFAULT_PROFILES);
		Set<String> accepted = acceptedProfiles(environment, binder);
		boolean active = !profiles.isEmpty()
				&& Profiles.of(profiles.toArray(String[]::new)).matches(accepted::contains);
		return new HotReloadActivation(active,
				(active ? "one of the profiles " : "none of the profiles ") + profiles + " is active");
	}

	// Spring Boot adds spring.profiles.include to the active profiles when it reads the
	// configuration; an environment made before that has them only as a property.
	private static Set<String> acceptedProfiles(Environment environment, Binder binder) {
		Set<String> active = new LinkedHashSet<>(List.of(environment.getActiveProfiles()));
		active.addAll(binder.bind("spring.profiles.include", Bindable.listOf(String.class)).orElse(List.of()));
		return (!active.isEmpty()) ? active : new LinkedHashSet<>(List.of(environment.getDefaultProfiles()));
	}

	/**
	 * Return whether hot reload is on.
	 * @return {@code true} if it is on
	 */
	public boolean isOn() {
		return this.on;
	}

	/**
	 * Return why hot reload is on or off, such as {@code hotreload.enabled is false} or
	 * {@code one of the profiles [dev] is active}.
	 * @return the reason
	 */
	public String reason() {
		return this.reason;
	}

	@Override
	public String toString() {
		return "Hot reload is " + (this.on ? "on" : "off") + ": " + this.reason;
	}

}
