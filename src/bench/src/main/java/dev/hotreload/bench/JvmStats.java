package dev.hotreload.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.hotreload.refresh.RefreshClassLoader;

import org.springframework.util.Assert;
import org.springframework.util.StreamUtils;

/**
 * Reads the memory figures of another JVM with the JDK's own tools ({@code jcmd},
 * {@code jstat}), so that the application measured runs no code of the benchmark's.
 */
final class JvmStats {

	static final String GENERATION_LOADER = "dev.hotreload.classloading.GenerationClassLoader";

	static final String REFRESH_LOADER = RefreshClassLoader.class.getName();

	private JvmStats() {
	}

	/**
	 * Run two full collections, then read the figures.
	 * @param pid the JVM's process id
	 * @return the figures after a full GC
	 * @throws IOException if a tool fails
	 */
	static Snapshot afterFullGc(long pid) throws IOException {
		run("jcmd", Long.toString(pid), "GC.run");
		run("jcmd", Long.toString(pid), "GC.run");
		// The class histogram collects once more before it counts live objects.
		String histogram = run("jcmd", Long.toString(pid), "GC.class_histogram");
		long generationLoaders = liveInstances(histogram, GENERATION_LOADER);
		long refreshLoaders = liveInstances(histogram, REFRESH_LOADER);
		List<String> gc = lines(run("jstat", "-gc", Long.toString(pid)));
		List<String> classes = lines(run("jstat", "-class", Long.toString(pid)));
		double metaspaceKb = column(gc, "MU");
		double heapKb = column(gc, "S0U") + column(gc, "S1U") + column(gc, "EU") + column(gc, "OU");
		return new Snapshot(metaspaceKb / 1024, (long) column(classes, "Loaded"), (long) column(classes, "Unloaded"),
				generationLoaders, refreshLoaders, heapKb / 1024);
	}

	private static long liveInstances(String histogram, String className) {
		for (String line : histogram.split("\n")) {
			String[] fields = line.trim().split("\\s+");
			if (fields.length >= 4 && fields[3].equals(className)) {
				return Long.parseLong(fields[1]);
			}
		}
		return 0;
	}

	private static List<String> lines(String output) {
		return Arrays.stream(output.split("\n")).map(String::trim).filter((line) -> !line.isEmpty()).toList();
	}

	private static double column(List<String> table, String name) {
		Assert.state(table.size() >= 2, () -> "Unexpected output: " + table);
		List<String> header = Arrays.asList(table.get(0).split("\\s+"));
		int index = header.indexOf(name);
		Assert.state(index >= 0, () -> "No column " + name + " in " + header);
		// jstat -class repeats "Bytes"; the names looked up here are unique.
		return Double.parseDouble(table.get(1).split("\\s+")[index]);
	}

	private static String run(String tool, String... arguments) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", tool).toString());
		command.addAll(Arrays.asList(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = StreamUtils.copyToString(process.getInputStream(), StandardCharsets.UTF_8);
		try {
			Assert.state(process.waitFor(2, TimeUnit.MINUTES) && process.exitValue() == 0,
					() -> String.join(" ", command) + " failed:\n" + output);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return output;
	}

	/**
	 * Memory figures of a JVM after a full GC.
	 *
	 * @param metaspaceUsedMb metaspace used, MB
	 * @param classesLoaded classes loaded since the JVM started
	 * @param classesUnloaded classes unloaded since the JVM started
	 * @param generationClassLoaders generation class loaders alive
	 * @param refreshClassLoaders class loaders of the full refresh alive, one per run of
	 * the application that is still reachable
	 * @param heapUsedMb heap used, MB
	 */
	record Snapshot(double metaspaceUsedMb, long classesLoaded, long classesUnloaded, long generationClassLoaders,
			long refreshClassLoaders, double heapUsedMb) {

	}

}
