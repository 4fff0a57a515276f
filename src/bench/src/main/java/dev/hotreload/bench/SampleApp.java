package dev.hotreload.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The sample application in a JVM of its own, started as an IDE starts it: a plain
 * {@code java} command whose classpath begins with a class directory holding the
 * application's classes. It listens on a port chosen free beforehand, so that a DevTools
 * restart comes back on the same port.
 */
final class SampleApp implements AutoCloseable {

	private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"([^\"]*)\"");

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

	private final Process process;

	private final Path log;

	private final int port;

	private final long launchedNanos;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private SampleApp(Process process, Path log, int port, long launchedNanos) {
		this.process = process;
		this.log = log;
		this.port = port;
		this.launchedNanos = launchedNanos;
	}

	/**
	 * Launch the application; returns at once.
	 * @param classDirectory the class directory with the application's classes
	 * @param libraries the rest of the classpath
	 * @param arguments the application's arguments, besides the port
	 * @param log where the application's output goes
	 * @return the running application
	 * @throws IOException if the JVM cannot be launched
	 */
	static SampleApp launch(Path classDirectory, List<String> libraries, List<String> arguments, Path log)
			throws IOException {
		List<String> classpath = new ArrayList<>();
		classpath.add(classDirectory.toString());
		classpath.addAll(libraries);
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-cp");
		command.add(String.join(File.pathSeparator, classpath));
		command.add("dev.hotreload.sample.SampleApplication");
		command.add("--server.port=" + port);
		command.addAll(arguments);
		long launched = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		return new SampleApp(process, log, port, launched);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * Wait for the first answer of {@code /hello}.
	 * @return milliseconds from the launch of the JVM to that answer
	 */
	double awaitFirstAnswer() {
		awaitMessage((message) -> true, START_TIMEOUT);
		return (System.nanoTime() - this.launchedNanos) / 1_000_000.0;
	}

	/**
	 * Call {@code /hello} until its message satisfies a condition, about once a
	 * millisecond; a refused connection, as during a restart, counts as a wrong answer.
	 * @param condition what the message must satisfy
	 * @param timeout how long to try
	 * @return the message
	 */
	String awaitMessage(Predicate<String> condition, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		String last = null;
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The sample application exited:\n" + tail());
			}
			String message = helloMessage();
			if (message != null && condition.test(message)) {
				return message;
			}
			last = (message != null) ? message : last;
			LockSupport.parkNanos(POLL_NANOS);
		}
		throw new IllegalStateException(
				"No expected answer within " + timeout + "; last answer '" + last + "'; log:\n" + tail());
	}

	/**
	 * Return the port the application listens on.
	 * @return the port
	 */
	int port() {
		return this.port;
	}

	/**
	 * Call {@code /hello} once.
	 * @return the greeting, or {@code null} if the application did not answer
	 */
	@Nullable String helloMessage() {
		String body = body("/hello");
		if (body == null) {
			return null;
		}
		Matcher matcher = MESSAGE.matcher(body);
		return matcher.find() ? matcher.group(1) : null;
	}

	/**
	 * Call a path with {@code GET} until its body satisfies a condition, about once a
	 * millisecond; a refused connection, as during a restart, counts as a wrong answer.
	 * @param path the path, such as {@code /greeting}
	 * @param condition what the body must satisfy
	 * @param timeout how long to try
	 * @return the body
	 */
	String awaitBody(String path, Predicate<String> condition, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		String last = null;
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The sample application exited:\n" + tail());
			}
			String body = body(path);
			if (body != null && condition.test(body)) {
				return body;
			}
			last = (body != null) ? body : last;
			LockSupport.parkNanos(POLL_NANOS);
		}
		throw new IllegalStateException("No expected answer of " + path + " within " + timeout + "; last answer '"
				+ last + "'; log:\n" + tail());
	}

	/**
	 * Call a path with {@code GET} once.
	 * @param path the path, such as {@code /hello}
	 * @return the body, or {@code null} if the application did not answer with 200
	 */
	@Nullable String body(String path) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());
		return (response != null && response.statusCode() == 200) ? response.body() : null;
	}

	/**
	 * Call a path with {@code POST} and no body, as {@code curl -X POST} does.
	 * @param path the path, such as {@code /actuator/refresh}
	 * @return the body of the answer
	 * @throws IllegalStateException if the application did not answer with 200
	 */
	String post(String path) {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
		if (response == null || response.statusCode() != 200) {
			throw new IllegalStateException("POST " + path + " answered "
					+ ((response != null) ? response.statusCode() + " " + response.body() : "nothing") + "; log:\n"
					+ tail());
		}
		return response.body();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private @Nullable HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (ConnectException | HttpTimeoutException ex) {
			return null;
		}
		catch (IOException ex) {
			// A connection closed by a restarting server
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Wait until the log holds a line.
	 * @param text what to look for
	 * @param timeout how long to wait
	 */
	void awaitLog(String text, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!log().contains(text)) {
			if (System.nanoTime() > deadline || !this.process.isAlive()) {
				throw new IllegalStateException("The log does not say '" + text + "':\n" + tail());
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
		}
	}

	/**
	 * Wait until the log holds a line a number of times.
	 * @param text what to look for
	 * @param count how many times it must occur, at least
	 * @param timeout how long to wait
	 * @return how many times it occurs
	 */
	int awaitLogCount(String text, int count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		int found = logCount(text);
		while (found < count) {
			if (System.nanoTime() > deadline || !this.process.isAlive()) {
				throw new IllegalStateException(
						"The log says '" + text + "' " + found + " time(s), not " + count + ":\n" + tail());
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
			found = logCount(text);
		}
		return found;
	}

	/**
	 * Count how many times the log holds a text so far.
	 * @param text what to look for
	 * @return the number of occurrences
	 */
	int logCount(String text) {
		String log = log();
		int count = 0;
		for (int at = log.indexOf(text); at >= 0; at = log.indexOf(text, at + text.length())) {
			count++;
		}
		return count;
	}

	/**
	 * Return the process id of the application's JVM.
	 * @return the pid
	 */
	long pid() {
		return this.process.pid();
	}

	/**
	 * Return the application's output so far.
	 * @return the log
	 */
	String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return the end of the application's output, for an error message.
	 * @return the last few thousand characters of the log
	 */
	String tail() {
		String log = log();
		return log.substring(Math.max(0, log.length() - 6000));
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
