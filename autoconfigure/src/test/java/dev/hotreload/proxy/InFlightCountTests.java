package dev.hotreload.proxy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InFlightCount}, and for the drain of a {@link CallGate} over it, with
 * real threads: more threads than stripes, so that stripes are shared too.
 */
class InFlightCountTests {

	@Test
	void stripesAreAPowerOfTwoForTwiceTheProcessorsWithinBounds() {
		assertThat(InFlightCount.stripes(1)).isEqualTo(4);
		assertThat(InFlightCount.stripes(2)).isEqualTo(4);
		assertThat(InFlightCount.stripes(3)).isEqualTo(8);
		assertThat(InFlightCount.stripes(32)).isEqualTo(64);
		assertThat(InFlightCount.stripes(500)).isEqualTo(64);
	}

	@Test
	void sumCountsTheCallsOfEveryThread() throws Exception {
		InFlightCount count = new InFlightCount();
		int threads = 12;
		CountDownLatch counted = new CountDownLatch(threads);
		CountDownLatch finish = new CountDownLatch(1);
		List<Thread> started = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			Thread thread = new Thread(() -> {
				count.increment();
				count.increment();
				counted.countDown();
				await(finish);
				count.decrement();
				count.decrement();
			});
			thread.start();
			started.add(thread);
		}
		assertThat(counted.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(count.sum()).isEqualTo(2 * threads);
		finish.countDown();
		for (Thread thread : started) {
			thread.join(10_000);
		}
		assertThat(count.sum()).isZero();
	}

	@Test
	void drainSeesEveryCallInFlightWhileManyThreadsCall() throws Exception {
		AtomicReference<Generation> current = new AtomicReference<>(new Generation(1, new Object()));
		CallGate gate = new CallGate(current::get);
		int generations = 200;
		// Per generation number, the calls between enter and exit by their own account.
		AtomicIntegerArray inside = new AtomicIntegerArray(generations + 1);
		AtomicBoolean stop = new AtomicBoolean();
		AtomicInteger callsSeenAfterDrain = new AtomicInteger();
		List<Thread> callers = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			Thread caller = new Thread(() -> {
				while (!stop.get()) {
					Generation generation = gate.enter();
					inside.incrementAndGet(generation.number());
					Thread.onSpinWait();
					inside.decrementAndGet(generation.number());
					gate.exit(generation);
				}
			});
			caller.start();
			callers.add(caller);
		}
		try {
			for (int number = 2; number <= generations; number++) {
				Generation next = new Generation(number, new Object());
				try (CallGate.Hold hold = gate.hold()) {
					Generation previous = current.get();
					assertThat(gate.drain(previous, Duration.ofSeconds(10))).isZero();
					callsSeenAfterDrain.addAndGet(inside.get(previous.number()));
					current.set(next);
				}
			}
		}
		finally {
			stop.set(true);
			for (Thread caller : callers) {
				caller.join(10_000);
			}
		}
		assertThat(callsSeenAfterDrain).hasValue(0);
		assertThat(current.get().inFlight()).isZero();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
