package dev.hotreload.classloading;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClassPathDirectories}: only the output directories of builds and IDEs
 * count as class directories, and packaged classes never do.
 */
class ClassPathDirectoriesTests {

	private Path root;

	@BeforeEach
	void createRoot(@TempDir Path temp) throws IOException {
		this.root = temp.toRealPath();
	}

	@Test
	void buildOutputDirectoriesOfMavenGradleAndIdesAreFound() throws IOException {
		List<Path> outputs = directories("app/target/classes", "app/target/test-classes", "lib/build/classes/java/main",
				"lib/build/classes/kotlin/test", "lib/build/resources/main", "idea/out/production/idea",
				"idea/out/test/idea", "eclipse/bin", "buildship/bin/main");
		try (URLClassLoader loader = loaderOver(outputs)) {
			assertThat(ClassPathDirectories.find(loader, List.of())).containsExactlyElementsOf(outputs);
		}
	}

	@Test
	void springBootExtractedLayoutHasNoClassDirectory() throws IOException {
		// What 'java -Djarmode=tools -jar app.jar extract --layers --launcher' leaves,
		// once its layers are copied together, and what JarLauncher puts on the
		// classpath.
		Path extracted = Files.createDirectories(this.root.resolve("app"));
		Files.createDirectories(extracted.resolve("org/springframework/boot/loader/launch"));
		Files.createDirectories(extracted.resolve("BOOT-INF/lib"));
		Path classes = Files.createDirectories(extracted.resolve("BOOT-INF/classes/com/example"))
			.getParent()
			.getParent();
		try (URLClassLoader loader = loaderOver(List.of(extracted, classes))) {
			assertThat(ClassPathDirectories.find(loader, List.of())).isEmpty();
		}
	}

	@Test
	void explodedWarAndJarsExtractedIntoBuildOutputLikeFoldersHaveNoClassDirectory() throws IOException {
		List<Path> packaged = directories("bin/BOOT-INF/classes", "war/WEB-INF/classes", "target/classes/BOOT-INF");
		Files.createDirectories(this.root.resolve("bin/BOOT-INF/lib"));
		try (URLClassLoader loader = loaderOver(List.of(this.root.resolve("bin"), packaged.get(0), packaged.get(1)))) {
			assertThat(ClassPathDirectories.find(loader, List.of())).isEmpty();
		}
		try (URLClassLoader loader = loaderOver(List.of())) {
			assertThat(ClassPathDirectories.find(loader, packaged)).isEmpty();
		}
	}

	@Test
	void otherClasspathDirectoriesAreLeftOut() throws IOException {
		List<Path> others = directories("classes", "app/classes", "app/lib", "target/generated-sources",
				"build/classes");
		try (URLClassLoader loader = loaderOver(others)) {
			assertThat(ClassPathDirectories.find(loader, List.of())).isEmpty();
		}
	}

	@Test
	void directoriesNamedExplicitlyCountWhateverTheirNames() throws IOException {
		List<Path> named = directories("custom-output", "classes");
		try (URLClassLoader loader = loaderOver(List.of())) {
			assertThat(ClassPathDirectories.find(loader, named)).containsExactlyElementsOf(named);
		}
	}

	@Test
	void isBuildOutputByPath() {
		assertThat(ClassPathDirectories.isBuildOutput(Path.of("/work/app/target/classes"))).isTrue();
		assertThat(ClassPathDirectories.isBuildOutput(Path.of("/work/app/target/test-classes"))).isTrue();
		assertThat(ClassPathDirectories.isBuildOutput(Path.of("/work/app/build/classes/java/main"))).isTrue();
		assertThat(ClassPathDirectories.isBuildOutput(Path.of("/work/app/build/resources/main"))).isTrue();
		assertThat(ClassPathDirectories.isBuildOutput(Path.of("/work/app/out/production/app"))).isTrue();
		assertThat(ClassPathDirectories.isBuildOutput(Path.of("/work/app/bin"))).isTrue();
		assertThat(ClassPathDirectories.isBuildOutput(Path.of("/work/app/BOOT-INF/classes"))).isFalse();
		assertThat(ClassPathDirectories.isBuildOutput(Path.of("/work/app/target/classes/demo"))).isFalse();
		assertThat(ClassPathDirectories.isBuildOutput(Path.of("/work/app/build/classes"))).isFalse();
		assertThat(ClassPathDirectories.isBuildOutput(Path.of("/"))).isFalse();
	}

	private List<Path> directories(String... names) throws IOException {
		List<Path> directories = new ArrayList<>();
		for (String name : names) {
			directories.add(Files.createDirectories(this.root.resolve(name)));
		}
		return directories;
	}

	// A loader without parent, so that only the given directories are its roots.
	private static URLClassLoader loaderOver(List<Path> directories) throws IOException {
		List<URL> urls = new ArrayList<>();
		for (Path directory : directories) {
			urls.add(directory.toUri().toURL());
		}
		return new URLClassLoader(urls.toArray(URL[]::new), null);
	}

}
