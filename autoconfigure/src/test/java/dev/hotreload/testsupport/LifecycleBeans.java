package dev.hotreload.testsupport;

/**
 * Sources of beans that record their lifecycle callbacks in a
 * {@link dev.hotreload.fixtures.LifecycleEvents} bean, for tests of what a reload does to
 * init and destroy callbacks under each state policy.
 */
public final class LifecycleBeans {

	/**
	 * Source of {@code demo.Config}, a configuration that scans the {@code demo} package
	 * and declares a {@link dev.hotreload.fixtures.LifecycleEvents} and a
	 * {@link dev.hotreload.fixtures.Gate} bean.
	 */
	public static final String CONFIG = """
			package demo;
			@org.springframework.context.annotation.Configuration
			@org.springframework.context.annotation.ComponentScan
			public class Config {
				@org.springframework.context.annotation.Bean
				public dev.hotreload.fixtures.LifecycleEvents lifecycleEvents() {
					return new dev.hotreload.fixtures.LifecycleEvents();
				}
				@org.springframework.context.annotation.Bean
				public dev.hotreload.fixtures.Gate gate() {
					return new dev.hotreload.fixtures.Gate();
				}
			}
			""";

	private LifecycleBeans() {
	}

	/**
	 * Return the source of a component in the {@code demo} package that records
	 * {@code "postConstruct <label> hits=<hits>"}, {@code "afterPropertiesSet <label>"}
	 * and {@code "preDestroy <label> hits=<hits>"}, counts {@code hit()} calls, and whose
	 * {@code describe()} answers {@code "<label> hits=<hits> opened=<label of the
	 * postConstruct that ran on it>"}.
	 * @param simpleName the simple name of its class
	 * @param hotReloadable its {@code @HotReloadable} annotation as written in the
	 * source, which decides its state policy
	 * @param label the version's label in what it records and answers
	 * @return the source
	 */
	public static String recorder(String simpleName, String hotReloadable, String label) {
		return """
				package demo;
				import jakarta.annotation.PostConstruct;
				import jakarta.annotation.PreDestroy;
				import dev.hotreload.fixtures.LifecycleEvents;
				@org.springframework.stereotype.Component
				%3$s
				public class %2$s implements org.springframework.beans.factory.InitializingBean {
					private final LifecycleEvents events;
					private int hits;
					private String opened = "never";
					public %2$s(LifecycleEvents events) {
						this.events = events;
					}
					@PostConstruct
					void open() {
						this.opened = "%1$s";
						this.events.add("postConstruct %1$s hits=" + this.hits);
					}
					@Override
					public void afterPropertiesSet() {
						this.events.add("afterPropertiesSet %1$s");
					}
					@PreDestroy
					void close() {
						this.events.add("preDestroy %1$s hits=" + this.hits);
					}
					public int hit() {
						return ++this.hits;
					}
					public String describe() {
						return "%1$s hits=" + this.hits + " opened=" + this.opened;
					}
				}
				""".formatted(label, simpleName, hotReloadable);
	}

}
