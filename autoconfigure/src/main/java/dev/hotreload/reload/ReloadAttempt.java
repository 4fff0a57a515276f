package dev.hotreload.reload;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

import dev.hotreload.proxy.CallGate;
import org.jspecify.annotations.Nullable;

/**
 * One reload attempt run on a worker thread, which the reloader may abandon when it
 * outlasts the reload timeout. Whichever comes first wins: the worker switching the bean
 * to the new generation, or the reloader abandoning the attempt; an abandoned attempt
 * never switches, and the calls it held go on with the previous generation.
 */
final class ReloadAttempt {

	private enum State {

		RUNNING, SWITCHED, ABANDONED

	}

	private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);

	private final CallGate gate;

	private volatile @Nullable Thread worker;

	ReloadAttempt(CallGate gate) {
		this.gate = gate;
	}

	void runsOn(Thread worker) {
		this.worker = worker;
	}

	/**
	 * Fail if the attempt was abandoned, so that the worker stops before it touches the
	 * bean.
	 * @throws AbandonedException if it was abandoned
	 */
	void checkNotAbandoned() {
		if (this.state.get() == State.ABANDONED) {
			throw new AbandonedException();
		}
	}

	/**
	 * Claim the switch to the new generation, the last step of an attempt.
	 * @throws AbandonedException if the attempt was abandoned first
	 */
	void claimSwitch() {
		if (!this.state.compareAndSet(State.RUNNING, State.SWITCHED)) {
			throw new AbandonedException();
		}
	}

	boolean isAbandoned() {
		return this.state.get() == State.ABANDONED;
	}

	/**
	 * Abandon the attempt unless it switched already, and let the calls it holds go on.
	 * @return where the worker was, such as {@code demo.Slow.<init>(Slow.java:9)}, or
	 * {@code null} if the attempt switched first
	 */
	@Nullable String abandon() {
		if (!this.state.compareAndSet(State.RUNNING, State.ABANDONED)) {
			return null;
		}
		this.gate.releaseHold();
		Thread worker = this.worker;
		StackTraceElement[] frames = (worker != null) ? worker.getStackTrace() : new StackTraceElement[0];
		return Arrays.stream(frames)
			.filter((frame) -> !isInfrastructure(frame.getClassName()))
			.findFirst()
			.or(() -> Arrays.stream(frames).findFirst())
			.map(StackTraceElement::toString)
			.orElse("an unknown place");
	}

	private static boolean isInfrastructure(String className) {
		return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")
				|| className.startsWith("org.springframework.") || className.startsWith("dev.hotreload.");
	}

	/**
	 * Thrown on the worker of an abandoned attempt.
	 */
	static final class AbandonedException extends RuntimeException {

		AbandonedException() {
			super("The reload was abandoned after its timeout", null, false, false);
		}

	}

}
