package dev.hotreload.proxy;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The number of calls running on one generation, striped by thread so that threads on
 * different cores do not write one cache line on every call. A thread counts a call up
 * and down in the same stripe, so each stripe never drops below the calls in flight that
 * it counted: a call that runs for the whole of {@link #sum()} is always seen by it.
 */
final class InFlightCount {

	// 32 ints are 128 bytes: two cache lines, since cores also fetch the adjacent line.
	private static final int SPACING = 32;

	private static final int STRIPES = stripes(Runtime.getRuntime().availableProcessors());

	// One spacing before the first stripe too, away from the array's header.
	private final AtomicIntegerArray cells = new AtomicIntegerArray((STRIPES + 1) * SPACING);

	static int stripes(int processors) {
		int wanted = Math.min(Math.max(processors * 2, 4), 64);
		return Integer.highestOneBit(wanted - 1) << 1;
	}

	void increment() {
		this.cells.getAndIncrement(cellOfCurrentThread());
	}

	void decrement() {
		this.cells.getAndDecrement(cellOfCurrentThread());
	}

	int sum() {
		int sum = 0;
		for (int stripe = 1; stripe <= STRIPES; stripe++) {
			sum += this.cells.get(stripe * SPACING);
		}
		return sum;
	}

	@SuppressWarnings("deprecation") // threadId() is Java 19
	private static int cellOfCurrentThread() {
		// Thread ids are handed out in sequence, so threads started together get
		// different stripes.
		int stripe = (int) Thread.currentThread().getId() & (STRIPES - 1);
		return (stripe + 1) * SPACING;
	}

}
