package dev.hotreload.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three classes added to the sample application for the random edits, in a package of
 * their own under the sample's, so that its component scan finds them: a reloadable bean
 * with an update counter, a plain helper class and a plain controller that serves both.
 * Each version of a class answers its version number over HTTP, and a change of shape
 * adds a method named after the version that added it ({@code extra7()}; in the
 * controller, {@code GET /edits/controller/extra7}).
 */
final class EditedSources {

	static final String PACKAGE = "dev.hotreload.sample.edits";

	private final JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();

	private final StandardJavaFileManager files = this.compiler.getStandardFileManager(null, null, null);

	private final Path staging;

	/**
	 * Create the sources, compiled against the test's classpath and a class directory.
	 * @param staging where sources and class files are written
	 * @param classes the class directory the first versions are compiled into
	 * @throws IOException if the classpath cannot be set
	 */
	EditedSources(Path staging, Path classes) throws IOException {
		this.staging = staging;
		List<Path> classpath = new ArrayList<>();
		classpath.add(classes);
		Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
			.map(Path::of)
			.forEach(classpath::add);
		this.files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
	}

	/**
	 * Compile the first version of every target into a class directory.
	 * @param classes the directory
	 */
	void compileFirstVersions(Path classes) {
		Map<Target, String> sources = new LinkedHashMap<>();
		for (Target target : Target.values()) {
			sources.put(target, target.source(0, List.of()));
		}
		compile(sources, classes);
	}

	/**
	 * Compile one version of a target.
	 * @param target the class
	 * @param version its version number
	 * @param extras the versions that changed its shape, up to this one
	 * @return the class file's bytes
	 */
	byte[] compile(Target target, int version, Collection<Integer> extras) {
		Path output = this.staging.resolve(target.simpleName + "-v" + version);
		compile(Map.of(target, target.source(version, extras)), output);
		try {
			return Files.readAllBytes(output.resolve(target.className().replace('.', '/') + ".class"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void compile(Map<Target, String> sources, Path output) {
		try {
			List<Path> sourceFiles = new ArrayList<>();
			for (Map.Entry<Target, String> source : sources.entrySet()) {
				Path file = output.resolveSibling(output.getFileName() + "-src")
					.resolve(source.getKey().className().replace('.', '/') + ".java");
				Files.createDirectories(file.getParent());
				Files.writeString(file, source.getValue());
				sourceFiles.add(file);
			}
			Files.createDirectories(output);
			this.files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(output));
			Iterable<? extends JavaFileObject> units = this.files.getJavaFileObjectsFromPaths(sourceFiles);
			Boolean compiled = this.compiler
				.getTask(null, this.files, null, List.of("-parameters", "-g", "--release", "17"), null, units)
				.call();
			assertThat(compiled).as("javac of " + sources.keySet()).isTrue();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A class that the random edits change.
	 */
	enum Target {

		/**
		 * A reloadable bean ({@code KEEP}) whose counter {@code POST /edits/update}
		 * increments.
		 */
		BEAN("EditedBean", "bean") {

			@Override
			String source(int version, Collection<Integer> extras) {
				return """
						package %s;

						import dev.hotreload.HotReloadable;

						import org.springframework.stereotype.Component;

						@Component
						@HotReloadable
						public class EditedBean {

							private long updates;

							public synchronized long update() {
								this.updates++;
								return this.updates;
							}

							public String version() {
								return "bean-v%d";
							}
						%s
						}
						""".formatted(PACKAGE, version, extraMethods(extras, ""));
			}

		},

		/**
		 * A plain class, not a bean, that the controller holds.
		 */
		HELPER("EditedHelper", "helper") {

			@Override
			String source(int version, Collection<Integer> extras) {
				return """
						package %s;

						public class EditedHelper {

							public String version() {
								return "helper-v%d";
							}
						%s
						}
						""".formatted(PACKAGE, version, extraMethods(extras, ""));
			}

		},

		/**
		 * A plain (not reloadable) controller that serves the versions of all three.
		 */
		CONTROLLER("EditedController", "controller") {

			@Override
			String source(int version, Collection<Integer> extras) {
				return """
						package %s;

						import org.springframework.web.bind.annotation.GetMapping;
						import org.springframework.web.bind.annotation.PostMapping;
						import org.springframework.web.bind.annotation.RestController;

						@RestController
						public class EditedController {

							private final EditedBean bean;

							private final EditedHelper helper = new EditedHelper();

							public EditedController(EditedBean bean) {
								this.bean = bean;
							}

							@GetMapping("/edits/bean")
							public String bean() {
								return this.bean.version();
							}

							@GetMapping("/edits/helper")
							public String helper() {
								return this.helper.version();
							}

							@GetMapping("/edits/controller")
							public String controller() {
								return "controller-v%d";
							}

							@PostMapping("/edits/update")
							public long update() {
								return this.bean.update();
							}
						%s
						}
						""".formatted(PACKAGE, version,
						extraMethods(extras, "@GetMapping(\"/edits/controller/extra%d\")"));
			}

		};

		private final String simpleName;

		private final String path;

		Target(String simpleName, String path) {
			this.simpleName = simpleName;
			this.path = path;
		}

		String className() {
			return PACKAGE + "." + this.simpleName;
		}

		/**
		 * Return the path that answers the target's version.
		 * @return the path
		 */
		String path() {
			return "/edits/" + this.path;
		}

		/**
		 * Return what a version answers.
		 * @param version the version number
		 * @return the answer
		 */
		String answer(int version) {
			return this.path + "-v" + version;
		}

		/**
		 * Read the version number from an answer of {@link #path()}.
		 * @param answer the answer
		 * @return the version, or {@code -1} if the answer is no version of this target
		 */
		int version(String answer) {
			String prefix = this.path + "-v";
			if (!answer.startsWith(prefix)) {
				return -1;
			}
			try {
				return Integer.parseInt(answer.substring(prefix.length()));
			}
			catch (NumberFormatException ex) {
				return -1;
			}
		}

		abstract String source(int version, Collection<Integer> extras);

		private static String extraMethods(Collection<Integer> extras, String annotation) {
			return extras.stream().map((extra) -> """

						%s
						public String extra%d() {
							return "extra%d";
						}
					""".formatted(annotation.formatted(extra), extra, extra)).collect(Collectors.joining());
		}

	}

}
