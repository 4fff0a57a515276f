package dev.hotreload.redefine;

import java.lang.instrument.Instrumentation;

import org.jspecify.annotations.Nullable;

/**
 * The Java agent of the starter's own jar, for JVMs that refuse to attach an agent at run
 * time: {@code java -javaagent:path/to/hotreload-spring-boot-autoconfigure.jar ...}. It
 * only keeps the {@link Instrumentation} the JVM hands over, for
 * {@link InstrumentationAccess} to use once hot reload starts.
 */
public final class HotReloadAgent {

	private static volatile @Nullable Instrumentation instrumentation;

	private HotReloadAgent() {
	}

	/**
	 * Entry point of {@code -javaagent:}.
	 * @param arguments the agent's arguments, unused
	 * @param instrumentation the JVM's instrumentation
	 */
	public static void premain(@Nullable String arguments, Instrumentation instrumentation) {
		HotReloadAgent.instrumentation = instrumentation;
	}

	/**
	 * Entry point of an agent loaded into a running JVM.
	 * @param arguments the agent's arguments, unused
	 * @param instrumentation the JVM's instrumentation
	 */
	public static void agentmain(@Nullable String arguments, Instrumentation instrumentation) {
		HotReloadAgent.instrumentation = instrumentation;
	}

	static @Nullable Instrumentation instrumentation() {
		return instrumentation;
	}

}
