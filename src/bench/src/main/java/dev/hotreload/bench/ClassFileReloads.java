package dev.hotreload.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Times class file changes of the sample's {@code VisitCounter} to the first answer of
 * {@code /hello} by the new code, in a running sample application: hot reload, or a
 * DevTools restart, whichever the application runs with.
 */
final class ClassFileReloads {

	private final SampleApp app;

	private final GreetingVersions versions;

	private int version;

	ClassFileReloads(SampleApp app, GreetingVersions versions) {
		this.app = app;
		this.versions = versions;
	}

	/**
	 * Change the class file a number of times, each time waiting for the new answer.
	 * @param changes how many changes
	 * @param timeout how long one change may take
	 * @param pause how long to wait after an answer before the next change
	 * @return the milliseconds from each move of the class file to the new answer
	 * @throws IOException if a class file cannot be written
	 */
	Samples measure(int changes, Duration timeout, Duration pause) throws IOException {
		return Samples.take(changes, pause, () -> change(timeout));
	}

	/**
	 * Change the class file once and wait for the new answer.
	 * @param timeout how long the change may take
	 * @return the milliseconds from the move of the class file to the new answer
	 * @throws IOException if the class file cannot be written
	 */
	double change(Duration timeout) throws IOException {
		this.version++;
		String greeting = GreetingVersions.greeting(this.version);
		long start = this.versions.install(this.version);
		this.app.awaitMessage((message) -> message.startsWith(greeting), timeout);
		return (System.nanoTime() - start) / (double) TimeUnit.MILLISECONDS.toNanos(1);
	}

}
