package dev.hotreload.compile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.hotreload.testsupport.TestCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClassFileRelease}.
 */
class ClassFileReleaseTests {

	@Test
	void choosesTheReleaseOfTheBatchsOwnClassFiles(@TempDir Path temp) throws IOException {
		TestCompiler.compile(temp, Map.of("demo.Greeter", "package demo; public class Greeter { }"));
		for (int i = 0; i < 5; i++) {
			classFile(temp, "Stray" + i + ".class", 69);
		}
		assertThat(ClassFileRelease.choose(temp, List.of("demo.Greeter"), 25)).hasValue(17);
	}

	@Test
	void choosesTheMostCommonReleaseWhenTheBatchHasNoClassFileYet(@TempDir Path temp) throws IOException {
		Path demo = Files.createDirectories(temp.resolve("demo"));
		classFile(demo, "One.class", 61);
		classFile(demo, "Two.class", 61);
		classFile(temp, "Stray.class", 69);
		assertThat(ClassFileRelease.choose(temp, List.of("demo.New"), 25)).hasValue(17);
	}

	@Test
	void tieGoesToTheLowerRelease(@TempDir Path temp) throws IOException {
		classFile(temp, "Old.class", 61);
		classFile(temp, "New.class", 65);
		assertThat(ClassFileRelease.choose(temp, List.of("demo.New"), 25)).hasValue(17);
	}

	@Test
	void neverChoosesAReleaseAboveTheRunningJava(@TempDir Path temp) throws IOException {
		classFile(temp, "Newer.class", 69);
		assertThat(ClassFileRelease.choose(temp, List.of("Newer"), 21)).hasValue(21);
	}

	@Test
	void findsAClassFileInAPackage(@TempDir Path temp) throws IOException {
		Files.writeString(Files.createDirectories(temp.resolve("META-INF")).resolve("MANIFEST.MF"), "x");
		classFile(Files.createDirectories(temp.resolve("com/example")), "Greeter.class", 65);
		assertThat(ClassFileRelease.choose(temp, List.of(), 25)).hasValue(21);
	}

	@Test
	void directoryWithoutClassFilesHasNoRelease(@TempDir Path temp) throws IOException {
		Files.writeString(temp.resolve("NotAClass.class"), "not a class file");
		assertThat(ClassFileRelease.choose(temp, List.of("NotAClass"), 25)).isEmpty();
		assertThat(ClassFileRelease.choose(temp.resolve("missing"), List.of(), 25)).isEmpty();
	}

	@Test
	void readsTheMajorVersion(@TempDir Path temp) throws IOException {
		assertThat(ClassFileRelease.of(classFile(temp, "Eight.class", 52))).hasValue(8);
		assertThat(ClassFileRelease.of(classFile(temp, "Seventeen.class", 61))).hasValue(17);
		assertThat(ClassFileRelease.of(classFile(temp, "TwentyOne.class", 65))).hasValue(21);
	}

	@Test
	void fileThatIsNoClassFileHasNoRelease(@TempDir Path temp) throws IOException {
		assertThat(ClassFileRelease.of(Files.writeString(temp.resolve("Text.class"), "not a class file"))).isEmpty();
		assertThat(ClassFileRelease.of(Files.write(temp.resolve("Short.class"), new byte[] { (byte) 0xCA }))).isEmpty();
	}

	@Test
	void releaseOfMajorVersion() {
		assertThat(ClassFileRelease.releaseOf(52)).isEqualTo(8);
		assertThat(ClassFileRelease.releaseOf(61)).isEqualTo(17);
		assertThat(ClassFileRelease.releaseOf(69)).isEqualTo(25);
	}

	// The header of a class file: magic, minor version, major version.
	private static Path classFile(Path directory, String name, int majorVersion) throws IOException {
		byte[] header = ByteBuffer.allocate(8)
			.putInt(0xCAFEBABE)
			.putShort((short) 0)
			.putShort((short) majorVersion)
			.array();
		return Files.write(directory.resolve(name), header);
	}

}
