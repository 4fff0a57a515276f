package dev.hotreload.compile;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CompileClasspath}.
 */
class CompileClasspathTests {

	@Test
	void holdsTheJavaClassPathThenTheUrlClassLoadersRootFirstThenTheClassDirectories(@TempDir Path temp)
			throws IOException {
		Path parentEntry = Files.createDirectories(temp.resolve("parent"));
		Path childEntry = Files.createDirectories(temp.resolve("child"));
		Path classes = Files.createDirectories(temp.resolve("target/classes"));
		try (URLClassLoader parent = new URLClassLoader(new URL[] { parentEntry.toUri().toURL() },
				getClass().getClassLoader());
				URLClassLoader child = new URLClassLoader(new URL[] { childEntry.toUri().toURL(),
						temp.resolve("missing.jar").toUri().toURL(), parentEntry.toUri().toURL() }, parent)) {
			List<Path> classpath = CompileClasspath.of(child, List.of(classes, childEntry));
			List<Path> javaClassPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
				.map(Path::of)
				.filter(Files::exists)
				.map((path) -> path.toAbsolutePath().normalize())
				.distinct()
				.toList();
			assertThat(classpath).startsWith(javaClassPath.toArray(Path[]::new));
			assertThat(classpath.subList(javaClassPath.size(), classpath.size())).containsExactly(parentEntry,
					childEntry, classes);
		}
	}

	@Test
	void withoutClassLoaderHoldsTheJavaClassPathAndTheClassDirectories(@TempDir Path temp) throws IOException {
		Path classes = Files.createDirectories(temp.resolve("target/classes"));
		List<Path> classpath = CompileClasspath.of(null, List.of(classes, temp.resolve("missing")));
		assertThat(classpath).endsWith(classes).doesNotContain(temp.resolve("missing"));
	}

}
