package dev.hotreload.redefine;

import java.lang.instrument.Instrumentation;
import java.util.concurrent.CompletableFuture;

import net.bytebuddy.agent.ByteBuddyAgent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Obtains the JVM's {@link Instrumentation}, which redefines classes in place: from the
 * starter's own {@code -javaagent:} if the JVM was started with it, otherwise by
 * attaching an agent to the running JVM with Byte Buddy. Attaching takes a few hundred
 * milliseconds (on JDK 17 Byte Buddy attaches from a short-lived helper process, since a
 * JVM may not attach to itself), so it runs on a thread of its own from {@link #start()},
 * and the first redefinition waits for it. When no instrumentation can be had, one INFO
 * line says so and {@link #instrumentation()} returns {@code null}.
 */
public final class InstrumentationAccess implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(InstrumentationAccess.class);

	private final boolean selfAttach;

	private final CompletableFuture<@Nullable Instrumentation> result = new CompletableFuture<>();

	private final Object startMonitor = new Object();

	private @Nullable Thread thread;

	/**
	 * Create an access that has not looked for an instrumentation yet.
	 * @param selfAttach whether to attach an agent to the running JVM when it was not
	 * started with {@code -javaagent:}
	 */
	public InstrumentationAccess(boolean selfAttach) {
		this.selfAttach = selfAttach;
	}

	/**
	 * Start looking for the instrumentation on a thread named {@code hotreload-attach},
	 * which ends once it has one or knows there is none. Calling it again does nothing.
	 */
	@Override
	public void start() {
		synchronized (this.startMonitor) {
			if (this.thread != null || this.result.isDone()) {
				return;
			}
			Thread thread = new Thread(() -> this.result.complete(find()), "hotreload-attach");
			thread.setDaemon(true);
			// A self-attach starts a process, whose reaper thread the JDK creates with
			// the
			// context class loader of the thread that started it and keeps for a minute:
			// not the class loader of an application run that a refresh replaces.
			thread.setContextClassLoader(InstrumentationAccess.class.getClassLoader());
			this.thread = thread;
			thread.start();
		}
	}

	/**
	 * Nothing to stop: the attach thread ends on its own, and the JVM keeps the agent.
	 */
	@Override
	public void stop() {
	}

	@Override
	public boolean isRunning() {
		synchronized (this.startMonitor) {
			return this.thread != null;
		}
	}

	/**
	 * Return the instrumentation, waiting for the attach to finish if it is still
	 * running.
	 * @return the instrumentation, or {@code null} if none can be had
	 */
	public @Nullable Instrumentation instrumentation() {
		start();
		return this.result.join();
	}

	private @Nullable Instrumentation find() {
		Instrumentation fromAgent = HotReloadAgent.instrumentation();
		if (fromAgent != null) {
			return usable(fromAgent, "the -javaagent");
		}
		if (!this.selfAttach) {
			return unavailable("the JVM was not started with -javaagent:<hotreload jar> and "
					+ "hotreload.redefine.self-attach is false");
		}
		long start = System.nanoTime();
		try {
			Instrumentation attached = ByteBuddyAgent.install();
			logger.debug("Attached hot reload's agent in " + (System.nanoTime() - start) / 1_000_000 + " ms");
			return usable(attached, "an agent attached at run time");
		}
		catch (RuntimeException | LinkageError ex) {
			// IllegalStateException when attach is off (-XX:-EnableDynamicAgentLoading)
			// or
			// the JVM has no jdk.attach module; NoClassDefFoundError without Byte Buddy.
			return unavailable("attaching an agent to the running JVM failed (" + ex.getMessage()
					+ "); start the JVM with -javaagent:<hotreload jar> to avoid the attach");
		}
	}

	private static @Nullable Instrumentation usable(Instrumentation instrumentation, String source) {
		if (!instrumentation.isRedefineClassesSupported() || !instrumentation.isRetransformClassesSupported()) {
			return unavailable(source + " may not redefine classes");
		}
		return instrumentation;
	}

	private static @Nullable Instrumentation unavailable(String reason) {
		logger.info("Hot reload cannot redefine classes in place: " + reason
				+ ". Changed classes that are not a reloadable bean's need a full refresh instead");
		return null;
	}

}
