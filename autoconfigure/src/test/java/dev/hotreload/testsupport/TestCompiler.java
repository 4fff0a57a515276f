package dev.hotreload.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources held in strings with {@code javax.tools} into a real class
 * directory, against the test classpath.
 */
public final class TestCompiler {

	private static final JavaCompiler COMPILER = ToolProvider.getSystemJavaCompiler();

	private TestCompiler() {
	}

	/**
	 * Compile sources into a directory.
	 * @param outputDirectory where the class files go
	 * @param sources source text by fully qualified class name
	 * @throws AssertionError with the compiler's messages if compilation fails
	 */
	public static void compile(Path outputDirectory, Map<String, String> sources) {
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		try (StandardJavaFileManager fileManager = COMPILER.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
			fileManager.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(outputDirectory));
			List<JavaFileObject> units = new ArrayList<>();
			sources.forEach((className, source) -> units.add(new Source(className, source)));
			List<String> options = List.of("-classpath", classpath(outputDirectory), "-parameters", "-g", "-proc:none",
					"--release", "17");
			boolean success = COMPILER.getTask(null, fileManager, diagnostics, options, null, units).call();
			if (!success) {
				throw new AssertionError("Compilation failed:\n" + diagnostics.getDiagnostics()
					.stream()
					.filter((diagnostic) -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
					.map((diagnostic) -> diagnostic.getSource().getName() + ":" + diagnostic.getLineNumber() + ": "
							+ diagnostic.getMessage(Locale.ROOT))
					.collect(Collectors.joining("\n")));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Compile one class into a directory of its own and return its class file, as the
	 * bytes an IDE or a build tool is about to write over the one the application loaded.
	 * @param outputDirectory a directory that is not on the application's class path
	 * @param className the fully qualified name of the class
	 * @param source the source text
	 * @return the content of the compiled class file
	 */
	public static byte[] compileToBytes(Path outputDirectory, String className, String source) {
		try {
			compile(Files.createDirectories(outputDirectory), Map.of(className, source));
			return Files.readAllBytes(outputDirectory.resolve(className.replace('.', '/') + ".class"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String classpath(Path outputDirectory) {
		return outputDirectory + System.getProperty("path.separator") + System.getProperty("java.class.path");
	}

	private static final class Source extends SimpleJavaFileObject {

		private final String source;

		Source(String className, String source) {
			super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
			this.source = source;
		}

		@Override
		public CharSequence getCharContent(boolean ignoreEncodingErrors) {
			return this.source;
		}

	}

}
