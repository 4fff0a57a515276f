package dev.hotreload.config;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JarResources} keeps what the jars answer, and sees the files of a class
 * directory come, change and go.
 */
class JarResourcesTests {

	@TempDir
	Path temp;

	@Test
	void filesOfTheClassDirectoryAreSeenAsTheyComeAndGoAndJarsAnswerAsBefore() throws IOException {
		Path classes = Files.createDirectories(this.temp.resolve("target/classes"));
		Path jar = this.temp.resolve("library.jar");
		try (JarOutputStream output = new JarOutputStream(Files.newOutputStream(jar))) {
			output.putNextEntry(new JarEntry("library.properties"));
			output.write("library=yes\n".getBytes(StandardCharsets.UTF_8));
			output.closeEntry();
		}
		try (URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL(), jar.toUri().toURL() },
				null)) {
			JarResources resources = new JarResources(loader, List.of(classes));
			assertThat(resources.getResource("application-dev.properties")).isNull();
			assertThat(resources.getResource("library.properties")).isEqualTo(loader.getResource("library.properties"));

			Files.writeString(classes.resolve("application-dev.properties"), "app.limit=1\n");
			assertThat(resources.getResource("application-dev.properties"))
				.isEqualTo(classes.resolve("application-dev.properties").toUri().toURL());
			// A class directory's file goes before a jar's of the same name.
			Files.writeString(classes.resolve("library.properties"), "library=no\n");
			assertThat(resources.getResource("library.properties"))
				.isEqualTo(classes.resolve("library.properties").toUri().toURL());

			Files.delete(classes.resolve("application-dev.properties"));
			Files.delete(classes.resolve("library.properties"));
			assertThat(resources.getResource("application-dev.properties")).isNull();
			assertThat(resources.getResource("library.properties")).isEqualTo(loader.getResource("library.properties"));
			try (var input = resources.getResourceAsStream("library.properties")) {
				assertThat(input).isNotNull();
				assertThat(new String(input.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("library=yes\n");
			}
		}
	}

	@Test
	void classesAreTheLoadersClasses() throws Exception {
		ClassLoader loader = getClass().getClassLoader();
		JarResources resources = new JarResources(loader, List.of(this.temp));
		assertThat(resources.loadClass(JarResourcesTests.class.getName())).isSameAs(JarResourcesTests.class);
	}

}
