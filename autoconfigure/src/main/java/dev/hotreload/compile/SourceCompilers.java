package dev.hotreload.compile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.tools.JavaCompiler;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The source compiler of this JVM, kept from one application context to the next: a full
 * refresh, or a DevTools restart, starts a context on the same classpath, whose first
 * save then compiles with the jars already opened and indexed and without a second
 * warm-up. The compiler of the classpath asked for last is kept while no context uses it;
 * older ones are closed once none does.
 */
public final class SourceCompilers {

	private static final Object monitor = new Object();

	// The compilers in use, the newest last; only the newest is kept when unused.
	private static final List<Entry> live = new ArrayList<>();

	private SourceCompilers() {
	}

	/**
	 * Return the compiler of a classpath, made if none is kept for it, and count one more
	 * user of it.
	 * @param compiler the Java compiler to make it with
	 * @param classpath the classpath to compile against
	 * @return the source compiler, to be released with {@link #release(SourceCompiler)}
	 */
	public static SourceCompiler acquire(JavaCompiler compiler, List<Path> classpath) {
		Assert.notNull(compiler, "'compiler' must not be null");
		Assert.notNull(classpath, "'classpath' must not be null");
		synchronized (monitor) {
			Entry entry = live.stream()
				.filter((candidate) -> candidate.classpath.equals(classpath))
				.findFirst()
				.orElse(null);
			if (entry == null) {
				entry = new Entry(List.copyOf(classpath), new SourceCompiler(compiler, classpath));
			}
			live.remove(entry);
			live.add(entry);
			entry.users++;
			closeUnused();
			return entry.compiler;
		}
	}

	/**
	 * Count one user less of a compiler: the newest stays open for the next context, an
	 * older one is closed once nobody uses it.
	 * @param compiler a compiler from {@link #acquire(JavaCompiler, List)}
	 */
	public static void release(SourceCompiler compiler) {
		synchronized (monitor) {
			for (Entry entry : live) {
				if (entry.compiler == compiler) {
					entry.users = Math.max(0, entry.users - 1);
				}
			}
			closeUnused();
		}
	}

	/**
	 * Return the compiler asked for last, for tests.
	 * @return the compiler, or {@code null} if none is open
	 */
	static @Nullable SourceCompiler newest() {
		synchronized (monitor) {
			return live.isEmpty() ? null : live.get(live.size() - 1).compiler;
		}
	}

	private static void closeUnused() {
		for (int i = live.size() - 2; i >= 0; i--) {
			Entry entry = live.get(i);
			if (entry.users == 0) {
				entry.compiler.close();
				live.remove(i);
			}
		}
	}

	private static final class Entry {

		private final List<Path> classpath;

		private final SourceCompiler compiler;

		private int users;

		Entry(List<Path> classpath, SourceCompiler compiler) {
			this.classpath = classpath;
			this.compiler = compiler;
		}

	}

}
