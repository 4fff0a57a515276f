package dev.hotreload.proxy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link CallGate}, with real threads coordinated by latches.
 */
class CallGateTests {

	private final AtomicReference<Generation> current = new AtomicReference<>(new Generation(1, new Object()));

	private final CallGate gate = new CallGate(this.current::get);

	@Test
	void callIsCountedOnItsGenerationUntilItExits() {
		Generation generation = this.gate.enter();
		assertThat(generation).isSameAs(this.current.get());
		assertThat(generation.inFlight()).isEqualTo(1);
		this.gate.exit(generation);
		assertThat(generation.inFlight()).isZero();
	}

	@Test
	void reentrantCallIsNotCountedAgain() {
		Generation outer = this.gate.enter();
		Generation inner = this.gate.enter();
		assertThat(outer.inFlight()).isEqualTo(1);
		this.gate.exit(inner);
		assertThat(outer.inFlight()).isEqualTo(1);
		this.gate.exit(outer);
		assertThat(outer.inFlight()).isZero();
	}

	@Test
	void holdKeepsOtherThreadsOutUntilReleasedAndThenLetsThemOnTheNewGeneration() throws Exception {
		Generation next = new Generation(2, new Object());
		CallGate.Hold hold = this.gate.hold();
		assertThat(this.gate.isHolding()).isTrue();
		CountDownLatch trying = new CountDownLatch(1);
		CompletableFuture<Generation> held = CompletableFuture.supplyAsync(() -> {
			trying.countDown();
			Generation generation = this.gate.enter();
			this.gate.exit(generation);
			return generation;
		});
		assertThat(trying.await(10, TimeUnit.SECONDS)).isTrue();
		await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(5)).until(() -> !held.isDone());
		this.current.set(next);
		hold.release();
		assertThat(held.get(10, TimeUnit.SECONDS)).isSameAs(next);
		assertThat(this.gate.isHolding()).isFalse();
	}

	@Test
	void holderThreadIsNotHeld() {
		try (CallGate.Hold hold = this.gate.hold()) {
			Generation generation = this.gate.enter();
			assertThat(generation).isSameAs(this.current.get());
			this.gate.exit(generation);
		}
	}

	@Test
	void threadAlreadyInsideTheBeanIsNotHeld() throws Exception {
		CountDownLatch inside = new CountDownLatch(1);
		CountDownLatch held = new CountDownLatch(1);
		CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> {
			Generation outer = this.gate.enter();
			try {
				inside.countDown();
				awaitLatch(held);
				Generation inner = this.gate.enter();
				this.gate.exit(inner);
				return "re-entered";
			}
			finally {
				this.gate.exit(outer);
			}
		});
		assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
		try (CallGate.Hold hold = this.gate.hold()) {
			held.countDown();
			assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("re-entered");
			assertThat(this.gate.drain(this.current.get(), Duration.ofSeconds(10))).isZero();
		}
	}

	@Test
	void drainWaitsForCallsInFlight() throws Exception {
		RunningCall call = startCall();
		CompletableFuture<Integer> drain = CompletableFuture
			.supplyAsync(() -> this.gate.drain(this.current.get(), Duration.ofSeconds(30)));
		await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(5)).until(() -> !drain.isDone());
		call.finish();
		assertThat(drain.get(10, TimeUnit.SECONDS)).isZero();
	}

	@Test
	void drainTimeoutReturnsTheCallsStillRunning() throws Exception {
		RunningCall call = startCall();
		assertThat(this.gate.drain(this.current.get(), Duration.ofMillis(50))).isEqualTo(1);
		call.finish();
	}

	@Test
	void drainOfOwnCallDoesNotWaitForItself() {
		Generation generation = this.gate.enter();
		try {
			assertThat(this.gate.drain(generation, Duration.ofSeconds(30))).isZero();
		}
		finally {
			this.gate.exit(generation);
		}
	}

	@Test
	void interruptedDrainStopsWaitingAndKeepsTheInterrupt() throws Exception {
		RunningCall call = startCall();
		AtomicReference<Integer> running = new AtomicReference<>();
		AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
		Thread drainer = new Thread(() -> {
			running.set(this.gate.drain(this.current.get(), Duration.ofMinutes(5)));
			stillInterrupted.set(Thread.currentThread().isInterrupted());
		});
		drainer.start();
		drainer.interrupt();
		drainer.join(TimeUnit.SECONDS.toMillis(10));
		assertThat(drainer.isAlive()).isFalse();
		assertThat(running.get()).isEqualTo(1);
		assertThat(stillInterrupted.get()).isTrue();
		call.finish();
	}

	@Test
	void heldCallThatIsInterruptedStillWaitsAndKeepsTheInterrupt() throws Exception {
		AtomicReference<Boolean> interrupted = new AtomicReference<>();
		AtomicReference<Generation> entered = new AtomicReference<>();
		Thread caller;
		try (CallGate.Hold hold = this.gate.hold()) {
			caller = new Thread(() -> {
				Generation generation = this.gate.enter();
				entered.set(generation);
				interrupted.set(Thread.currentThread().isInterrupted());
				this.gate.exit(generation);
			});
			caller.start();
			caller.interrupt();
			await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(5)).until(() -> entered.get() == null);
		}
		caller.join(TimeUnit.SECONDS.toMillis(10));
		assertThat(entered.get()).isSameAs(this.current.get());
		assertThat(interrupted.get()).isTrue();
	}

	@Test
	void secondHoldIsRefused() {
		try (CallGate.Hold hold = this.gate.hold()) {
			assertThatIllegalStateException().isThrownBy(this.gate::hold).withMessageContaining("held already");
		}
	}

	// A call that runs on the gate until it is told to finish.
	private RunningCall startCall() throws InterruptedException {
		CountDownLatch inside = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		CompletableFuture<Void> call = CompletableFuture.runAsync(() -> {
			Generation generation = this.gate.enter();
			inside.countDown();
			awaitLatch(finish);
			this.gate.exit(generation);
		});
		assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
		return new RunningCall(finish, call);
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private record RunningCall(CountDownLatch finishLatch, CompletableFuture<Void> future) {

		void finish() throws Exception {
			this.finishLatch.countDown();
			this.future.get(10, TimeUnit.SECONDS);
		}

	}

}
