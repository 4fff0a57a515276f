package dev.hotreload.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * The sample application running in a JVM of its own, started like an IDE starts it: a
 * plain {@code java} command whose classpath holds a class directory with the
 * application's classes, no agent, no special JVM option.
 */
final class SampleAppProcess implements AutoCloseable {

	private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

	private final Process process;

	private final Path log;

	private final int port;

	private SampleAppProcess(Process process, Path log) {
		this.process = process;
		this.log = log;
		this.port = awaitPort();
	}

	static SampleAppProcess start(Path classDirectory, List<String> libraries, Path log) throws IOException {
		return start(classDirectory, libraries, log, List.of());
	}

	static SampleAppProcess start(Path classDirectory, List<String> libraries, Path log, List<String> jvmArguments)
			throws IOException {
		return start(classDirectory, libraries, log, jvmArguments, List.of());
	}

	static SampleAppProcess start(Path classDirectory, List<String> libraries, Path log, List<String> jvmArguments,
			List<String> arguments) throws IOException {
		List<String> all = new ArrayList<>(List.of("--server.port=0", "--spring.profiles.active=dev"));
		all.addAll(arguments);
		return start("dev.hotreload.sample.SampleApplication", classDirectory, libraries, log, jvmArguments, all);
	}

	/**
	 * Start an application from its {@code main} method in a JVM of its own.
	 * @param mainClass the binary name of the class whose {@code main} runs it
	 * @param classDirectory the class directory that comes first on its classpath
	 * @param libraries the rest of its classpath
	 * @param log where its output goes
	 * @param jvmArguments the options of the {@code java} command
	 * @param arguments the application's arguments, {@code --server.port=0} among them
	 * @return the process, once its web server logged its port
	 * @throws IOException if the process cannot be started
	 */
	static SampleAppProcess start(String mainClass, Path classDirectory, List<String> libraries, Path log,
			List<String> jvmArguments, List<String> arguments) throws IOException {
		List<String> classpath = new ArrayList<>();
		classpath.add(classDirectory.toString());
		classpath.addAll(libraries);
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmArguments);
		command.addAll(List.of("-cp", String.join(File.pathSeparator, classpath), mainClass));
		command.addAll(arguments);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		return new SampleAppProcess(process, log);
	}

	private int awaitPort() {
		int[] found = new int[1];
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The sample application exited:\n" + log());
			}
			Matcher matcher = PORT.matcher(log());
			if (matcher.find()) {
				found[0] = Integer.parseInt(matcher.group(1));
				return true;
			}
			return false;
		});
		return found[0];
	}

	int port() {
		return this.port;
	}

	/**
	 * Return the port of the latest run: on port 0, every run of the application, first
	 * or refreshed, logs a port of its own.
	 * @return the port the latest run logged
	 */
	int latestPort() {
		Matcher matcher = PORT.matcher(log());
		int latest = this.port;
		while (matcher.find()) {
			latest = Integer.parseInt(matcher.group(1));
		}
		return latest;
	}

	String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

}
