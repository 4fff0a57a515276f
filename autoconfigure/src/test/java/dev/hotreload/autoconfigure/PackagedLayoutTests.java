package dev.hotreload.autoconfigure;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.TestCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application run from Spring Boot's extracted layout ({@code java -Djarmode=tools
 * -jar app.jar extract --layers --launcher}, then {@code JarLauncher} with the dev
 * profile) runs from packaged classes: hot reload finds no class directory and does
 * nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class PackagedLayoutTests {

	private static final String GREETER = ReloadableClasses.HELLO_GREETER;

	@Test
	void extractedLayoutWithDevProfileReloadsNothing(@TempDir Path temp, CapturedOutput output) throws Exception {
		Path extracted = temp.toRealPath().resolve("application");
		Files.createDirectories(extracted.resolve("org/springframework/boot/loader/launch"));
		Files.createDirectories(extracted.resolve("BOOT-INF/lib"));
		Files.createDirectories(extracted.resolve("META-INF"));
		Files.writeString(extracted.resolve("META-INF/MANIFEST.MF"),
				"Main-Class: org.springframework.boot.loader.launch.JarLauncher\nStart-Class: demo.Config\n");
		Path classes = Files.createDirectories(extracted.resolve("BOOT-INF/classes"));
		TestCompiler.compile(classes,
				Map.of("demo.Config", ReloadableClasses.COMPONENT_SCAN_CONFIG, "demo.Greeter", GREETER));
		// JarLauncher's class loader: the extracted root (the launcher's classes) on the
		// application class path, BOOT-INF/classes in its own loader; the test's own
		// class directories are hidden.
		try (URLClassLoader launcher = new URLClassLoader(new URL[] { extracted.toUri().toURL() },
				new HotReloadAutoConfigurationTests.PackagedApplicationClassLoader(getClass().getClassLoader()));
				URLClassLoader application = new URLClassLoader(new URL[] { classes.toUri().toURL() }, launcher)) {
			new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(HotReloadAutoConfiguration.class,
						HotReloadEndpointAutoConfiguration.class, HotReloadSourceAutoConfiguration.class))
				.withClassLoader(application)
				.withPropertyValues("spring.profiles.active=dev")
				.withUserConfiguration(application.loadClass("demo.Config"))
				.run(HotReloadAutoConfigurationTests::assertInertWithoutClassDirectories);
		}
		assertThat(output).contains("no class directory to watch")
			.contains("Not watching classpath directory " + classes);
	}

}
