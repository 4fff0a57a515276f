package dev.hotreload.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A class of the sample app that a test changes as a developer would: it edits a copy of
 * the class's real source, compiles it with {@code javax.tools}, and writes the class
 * files into the class directory the running app loaded the class from.
 * {@link #restore()} puts the original class files back.
 */
final class RecompiledClass {

	private static final JavaCompiler COMPILER = ToolProvider.getSystemJavaCompiler();

	private final Class<?> type;

	private final Path classDirectory;

	private final Path packageDirectory;

	private final String source;

	private final Map<Path, byte[]> originals;

	private RecompiledClass(Class<?> type) {
		this.type = type;
		this.classDirectory = classDirectory(type);
		String packagePath = type.getPackageName().replace('.', '/');
		this.packageDirectory = this.classDirectory.resolve(packagePath);
		// Maven's layout: <module>/target/classes and <module>/src/main/java
		Path sourceDirectory = this.classDirectory.getParent().getParent().resolve("src/main/java");
		this.source = read(sourceDirectory.resolve(packagePath).resolve(type.getSimpleName() + ".java"));
		this.originals = classFiles();
	}

	/**
	 * Prepare to change a class of the sample app.
	 * @param type the class, loaded from a class directory
	 * @return the class to change
	 */
	static RecompiledClass of(Class<?> type) {
		return new RecompiledClass(type);
	}

	/**
	 * Return the class's source with one piece of text replaced.
	 * @param text text that occurs in the source
	 * @param replacement what to put instead
	 * @return the edited source
	 */
	String edit(String text, String replacement) {
		assertThat(this.source).contains(text);
		return this.source.replace(text, replacement);
	}

	/**
	 * Compile an edited source of the class, without writing it where the app sees it.
	 * @param editedSource the source
	 * @return the class files, by file name
	 */
	Map<String, byte[]> compile(String editedSource) {
		try {
			Path output = Files.createTempDirectory("hotreload-sample");
			DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
			try (StandardJavaFileManager files = COMPILER.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
				files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(output));
				List<String> options = List.of("-classpath",
						this.classDirectory + System.getProperty("path.separator")
								+ System.getProperty("java.class.path"),
						"-parameters", "-proc:none", "--release", "17");
				boolean compiled = COMPILER
					.getTask(null, files, diagnostics, options, null, List.of(new Source(this.type, editedSource)))
					.call();
				assertThat(compiled)
					.as(() -> "compiled " + this.type.getSimpleName() + ": "
							+ diagnostics.getDiagnostics()
								.stream()
								.filter((diagnostic) -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
								.map((diagnostic) -> diagnostic.getMessage(Locale.ROOT))
								.collect(Collectors.joining("\n")))
					.isTrue();
			}
			Map<String, byte[]> result = new LinkedHashMap<>();
			try (Stream<Path> classFiles = Files.list(output.resolve(this.type.getPackageName().replace('.', '/')))) {
				for (Path classFile : classFiles.toList()) {
					result.put(classFile.getFileName().toString(), Files.readAllBytes(classFile));
				}
			}
			FileSystemUtils.deleteRecursively(output);
			return result;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Write compiled class files into the class directory of the running app.
	 * @param classFiles the class files, by file name
	 */
	void write(Map<String, byte[]> classFiles) {
		classFiles.forEach((name, bytes) -> write(this.packageDirectory.resolve(name), bytes));
	}

	/**
	 * Compile an edited source of the class into the class directory of the running app.
	 * @param editedSource the source
	 */
	void recompile(String editedSource) {
		write(compile(editedSource));
	}

	/**
	 * Put the original class files back and remove any the changes added.
	 */
	void restore() {
		classFiles().keySet()
			.stream()
			.filter((file) -> !this.originals.containsKey(file))
			.forEach(RecompiledClass::delete);
		this.originals.forEach(RecompiledClass::write);
	}

	private Map<Path, byte[]> classFiles() {
		String simpleName = this.type.getSimpleName();
		Map<Path, byte[]> result = new LinkedHashMap<>();
		try (Stream<Path> files = Files.list(this.packageDirectory)) {
			for (Path file : files.toList()) {
				String name = file.getFileName().toString();
				boolean own = name.equals(simpleName + ".class") || name.startsWith(simpleName + "$");
				if (own && name.endsWith(".class")) {
					result.put(file, Files.readAllBytes(file));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return result;
	}

	private static Path classDirectory(Class<?> type) {
		URL location = type.getProtectionDomain().getCodeSource().getLocation();
		assertThat(location.getProtocol()).as("protocol of " + location).isEqualTo("file");
		try {
			Path directory = Path.of(location.toURI());
			assertThat(directory).as("class directory of " + type.getName()).isDirectory();
			return directory;
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Path file, byte[] bytes) {
		try {
			Files.write(file, bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static final class Source extends SimpleJavaFileObject {

		private final String text;

		Source(Class<?> type, String text) {
			super(URI.create("string:///" + type.getName().replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
			this.text = text;
		}

		@Override
		public CharSequence getCharContent(boolean ignoreEncodingErrors) {
			return this.text;
		}

	}

}
