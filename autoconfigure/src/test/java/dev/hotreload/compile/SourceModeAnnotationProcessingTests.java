package dev.hotreload.compile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import dev.hotreload.testsupport.SourceProject;
import dev.hotreload.testsupport.TestCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An annotation processor on the application's classpath runs when source mode compiles,
 * as it does in the build, and the classes it generates are written and usable.
 */
class SourceModeAnnotationProcessingTests {

	private static final String PROCESSOR = """
			package procs;
			import java.io.IOException;
			import java.io.UncheckedIOException;
			import java.io.Writer;
			import java.util.Set;
			import javax.annotation.processing.AbstractProcessor;
			import javax.annotation.processing.Filer;
			import javax.annotation.processing.RoundEnvironment;
			import javax.annotation.processing.SupportedAnnotationTypes;
			import javax.lang.model.SourceVersion;
			import javax.lang.model.element.Element;
			import javax.lang.model.element.TypeElement;
			@SupportedAnnotationTypes("demo.Stamped")
			public class StampProcessor extends AbstractProcessor {
				@Override
				public SourceVersion getSupportedSourceVersion() {
					return SourceVersion.latestSupported();
				}
				@Override
				public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
					for (TypeElement annotation : annotations) {
						for (Element element : round.getElementsAnnotatedWith(annotation)) {
							String name = element.getSimpleName() + "Stamp";
							String stamp = "stamped:" + element.getSimpleName();
							Filer filer = processingEnv.getFiler();
							try (Writer writer = filer.createSourceFile("demo." + name, element).openWriter()) {
								writer.write("package demo; public final class " + name + " {"
										+ " public static final String STAMP = \\"" + stamp + "\\"; }");
							}
							catch (IOException ex) {
								throw new UncheckedIOException(ex);
							}
						}
					}
					return true;
				}
			}
			""";

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	private static final String STAMPED = """
			package demo;
			@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.SOURCE)
			public @interface Stamped {
			}
			""";

	private static final String GREETER_V1 = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Greeter {
				public String greet() { return "plain"; }
			}
			""";

	private static final String GREETER_V2 = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			@Stamped
			public class Greeter {
				public String greet() { return GreeterStamp.STAMP; }
			}
			""";

	@Test
	void processorOnTheClasspathRunsAndItsClassesAreWritten(@TempDir Path temp) throws Exception {
		Path processor = Files.createDirectories(temp.resolve("processor"));
		TestCompiler.compile(processor, Map.of("procs.StampProcessor", PROCESSOR));
		Path services = processor.resolve("META-INF/services/javax.annotation.processing.Processor");
		Files.createDirectories(services.getParent());
		Files.writeString(services, "procs.StampProcessor\n");
		try (SourceProject project = new SourceProject(temp, processor).build("demo.Config", CONFIG, "demo.Stamped",
				STAMPED, "demo.Greeter", GREETER_V1)) {
			Reloads.sourceRunner(project, "demo.Config").run((context) -> {
				Object greeter = context.getBean("greeter");
				assertThat(call(greeter, "greet")).isEqualTo("plain");
				project.save("demo.Greeter", GREETER_V2);
				ReloadRecord record = Reloads.awaitRecords(context, 1);
				assertThat(record.outcome()).isEqualTo(Outcome.RELOADED);
				assertThat(record.bean()).isEqualTo("greeter");
				assertThat(project.classFile("demo.GreeterStamp")).isRegularFile();
				assertThat(call(greeter, "greet")).isEqualTo("stamped:Greeter");
			});
		}
	}

}
