package dev.hotreload.testsupport;

/**
 * Sources of {@code demo.Counter}, the class-based {@code @HotReloadable} component with
 * one {@code int count} field that many tests reload: {@code increment()} and
 * {@code describe()}, whose result names the version that answers.
 */
public final class Counters {

	/**
	 * The first version: {@code increment()} adds one, {@code describe()} answers
	 * {@code "v1:<count>"}.
	 */
	public static final String V1 = countingByOne("v1");

	/**
	 * The second version, of the same shape: {@code increment()} adds ten,
	 * {@code describe()} answers {@code "v2:<count>"}.
	 */
	public static final String V2 = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Counter {
				private int count;
				public int increment() { count += 10; return count; }
				public String describe() { return "v2:" + count; }
			}
			""";

	private Counters() {
	}

	/**
	 * Return a version whose {@code increment()} adds one and whose {@code describe()}
	 * answers {@code "<label>:<count>"}.
	 * @param label what {@code describe()} answers before the count
	 * @return the source of {@code demo.Counter}
	 */
	public static String countingByOne(String label) {
		return countingByOne("demo", label);
	}

	/**
	 * Return a version in a given package whose {@code increment()} adds one and whose
	 * {@code describe()} answers {@code "<label>:<count>"}.
	 * @param packageName the package of its {@code package} declaration
	 * @param label what {@code describe()} answers before the count
	 * @return the source of {@code Counter}
	 */
	public static String countingByOne(String packageName, String label) {
		return """
				package %s;
				@org.springframework.stereotype.Component
				@dev.hotreload.HotReloadable
				public class Counter {
					private int count;
					public int increment() { return ++count; }
					public String describe() { return "%s:" + count; }
				}
				""".formatted(packageName, label);
	}

}
