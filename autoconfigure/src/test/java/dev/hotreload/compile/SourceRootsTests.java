package dev.hotreload.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SourceRoots} and {@link SourceRoot}, over real directories.
 */
class SourceRootsTests {

	@Test
	void mavenClassesCompileFromSrcMainJava(@TempDir Path temp) throws IOException {
		Path classes = directory(temp, "app/target/classes");
		Path sources = directory(temp, "app/src/main/java");
		assertThat(SourceRoots.find(List.of(classes), List.of())).containsExactly(new SourceRoot(sources, classes));
	}

	@Test
	void mavenTestClassesCompileFromSrcTestJava(@TempDir Path temp) throws IOException {
		Path classes = directory(temp, "app/target/classes");
		Path testClasses = directory(temp, "app/target/test-classes");
		Path sources = directory(temp, "app/src/main/java");
		Path testSources = directory(temp, "app/src/test/java");
		assertThat(SourceRoots.find(List.of(testClasses, classes), List.of()))
			.containsExactly(new SourceRoot(testSources, testClasses), new SourceRoot(sources, classes));
	}

	@Test
	void gradleClassesCompileFromTheSourceSetOfTheirName(@TempDir Path temp) throws IOException {
		Path main = directory(temp, "lib/build/classes/java/main");
		Path test = directory(temp, "lib/build/classes/java/test");
		Path mainSources = directory(temp, "lib/src/main/java");
		Path testSources = directory(temp, "lib/src/test/java");
		assertThat(SourceRoots.find(List.of(main, test), List.of())).containsExactly(new SourceRoot(mainSources, main),
				new SourceRoot(testSources, test));
	}

	@Test
	void missingSourceDirectoryIsNoRoot(@TempDir Path temp) throws IOException {
		Path classes = directory(temp, "app/target/classes");
		assertThat(SourceRoots.conventionalSourceDirectory(classes)).isEqualTo(temp.resolve("app/src/main/java"));
		assertThat(SourceRoots.find(List.of(classes), List.of())).isEmpty();
	}

	@Test
	void unknownLayoutHasNoConventionalSourceDirectory(@TempDir Path temp) throws IOException {
		directory(temp, "app/src/main/java");
		assertThat(SourceRoots.conventionalSourceDirectory(directory(temp, "app/out/production/classes"))).isNull();
		assertThat(SourceRoots.conventionalSourceDirectory(directory(temp, "app/target/generated-classes"))).isNull();
		assertThat(SourceRoots.conventionalSourceDirectory(directory(temp, "app/classes"))).isNull();
		assertThat(SourceRoots.conventionalSourceDirectory(Path.of("/"))).isNull();
	}

	@Test
	void extraPathCompilesIntoTheClassDirectorySharingTheLongestPrefix(@TempDir Path temp) throws IOException {
		Path first = directory(temp, "one/target/classes");
		Path second = directory(temp, "two/target/classes");
		Path extra = directory(temp, "two/src/generated/java");
		assertThat(SourceRoots.find(List.of(first, second), List.of(extra)))
			.containsExactly(new SourceRoot(extra, second));
	}

	@Test
	void extraPathSharingNoMoreWithAnyClassDirectoryCompilesIntoTheFirst(@TempDir Path temp) throws IOException {
		Path first = directory(temp, "one/target/classes");
		Path second = directory(temp, "two/target/classes");
		Path extra = directory(temp, "shared-sources");
		assertThat(SourceRoots.find(List.of(first, second), List.of(extra)))
			.containsExactly(new SourceRoot(extra, first));
	}

	@Test
	void extraPathThatIsMissingOrAlreadyFoundIsIgnored(@TempDir Path temp) throws IOException {
		Path classes = directory(temp, "app/target/classes");
		Path sources = directory(temp, "app/src/main/java");
		assertThat(SourceRoots.find(List.of(classes), List.of(sources, temp.resolve("missing"))))
			.containsExactly(new SourceRoot(sources, classes));
	}

	@Test
	void extraPathWithoutClassDirectoryIsNoRoot(@TempDir Path temp) throws IOException {
		assertThat(SourceRoots.find(List.of(), List.of(directory(temp, "sources")))).isEmpty();
	}

	@Test
	void sourceFileNamesItsTopLevelClass(@TempDir Path temp) {
		SourceRoot root = new SourceRoot(temp.resolve("src/main/java"), temp.resolve("target/classes"));
		Path file = temp.resolve("src/main/java/com/example/Greeter.java");
		assertThat(root.contains(file)).isTrue();
		assertThat(root.contains(temp.resolve("src/test/java/com/example/Greeter.java"))).isFalse();
		assertThat(root.relativeName(file)).isEqualTo("com/example/Greeter.java");
		assertThat(root.className(file)).isEqualTo("com.example.Greeter");
	}

	@Test
	void onlyClassSourcesAreCompiled() {
		assertThat(SourceRoot.isClassSource(Path.of("src/main/java/demo/Greeter.java"))).isTrue();
		assertThat(SourceRoot.isClassSource(Path.of("src/main/java/demo/$Greeter_1.java"))).isTrue();
		assertThat(SourceRoot.isClassSource(Path.of("src/main/java/demo/.#Greeter.java"))).isFalse();
		assertThat(SourceRoot.isClassSource(Path.of("src/main/java/demo/Greeter.java~"))).isFalse();
		assertThat(SourceRoot.isClassSource(Path.of("src/main/java/demo/Greeter.java.swp"))).isFalse();
		assertThat(SourceRoot.isClassSource(Path.of("src/main/java/demo/package-info.java"))).isFalse();
		assertThat(SourceRoot.isClassSource(Path.of("src/main/java/module-info.java"))).isFalse();
		assertThat(SourceRoot.isClassSource(Path.of("src/main/java/demo/.java"))).isFalse();
	}

	private static Path directory(Path temp, String relativePath) throws IOException {
		return Files.createDirectories(temp.resolve(relativePath));
	}

}
