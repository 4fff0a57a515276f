package dev.hotreload.compile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.hotreload.watch.FileWatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * In source mode, a resource saved under {@code src/main/resources} is copied into the
 * module's class directory, nested directories included, without filtering, and the copy
 * of a deleted one is deleted; files an editor writes beside the saved one are not.
 */
class ResourceCopierTests {

	@TempDir
	Path module;

	@Test
	void savedResourcesAreCopiedAndDeletedOnesRemoved() throws Exception {
		Path sources = Files.createDirectories(this.module.resolve("src/main/java"));
		Path resources = Files.createDirectories(this.module.resolve("src/main/resources"));
		Path classes = Files.createDirectories(this.module.resolve("target/classes"));
		ResourceCopier copier = ResourceCopier.of(List.of(new SourceRoot(sources, classes)));
		assertThat(copier.directories()).containsExactly(resources);
		FileWatcher watcher = new FileWatcher("test-resources", copier.directories(), Duration.ofMillis(50),
				ResourceCopier::isResource, copier);
		watcher.start();
		try {
			Files.writeString(resources.resolve("application.properties"), "app.name=${project.name}\n");
			Files.createDirectories(resources.resolve("templates"));
			Files.writeString(resources.resolve("templates/page.html"), "<p>v1</p>");
			Files.writeString(resources.resolve("templates/page.html~"), "backup");
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				assertThat(classes.resolve("application.properties")).hasContent("app.name=${project.name}");
				assertThat(classes.resolve("templates/page.html")).hasContent("<p>v1</p>");
			});
			assertThat(classes.resolve("templates/page.html~")).doesNotExist();
			Files.writeString(resources.resolve("templates/page.html"), "<p>v2</p>");
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(classes.resolve("templates/page.html")).hasContent("<p>v2</p>"));
			Files.delete(resources.resolve("application.properties"));
			await().atMost(Duration.ofSeconds(15))
				.untilAsserted(() -> assertThat(classes.resolve("application.properties")).doesNotExist());
			try (var files = Files.list(classes.resolve("templates"))) {
				assertThat(files.map((file) -> file.getFileName().toString())).containsExactly("page.html");
			}
		}
		finally {
			watcher.stop();
		}
	}

}
