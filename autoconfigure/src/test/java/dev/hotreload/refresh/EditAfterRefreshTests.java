package dev.hotreload.refresh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Category;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.ReloadRecord.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After a full refresh, the classes of the run it replaced may stay loaded; a later edit
 * of a refreshed class is judged against the class of the current run only, so a body
 * edit is redefined in place instead of refreshing again, every time.
 */
class EditAfterRefreshTests {

	private static final String BYE = """
			@org.springframework.web.bind.annotation.GetMapping("/bye")
			public String bye() {
				return "%s after " + counter.add("bye");
			}
			""";

	@TempDir
	Path temp;

	@Test
	void bodyEditsOfAClassThatARefreshAppliedAreRedefinedInPlace() throws Exception {
		try (RefreshingApplication app = RefreshingApplication.start(this.temp, FullRefreshTests.sources(""))) {
			assertThat(app.body("/hello/ann")).isEqualTo("1 [ann] last ann of 1");
			app.compile("demo.Greetings", FullRefreshTests.CONTROLLER.formatted(BYE.formatted("bye")));
			await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> app.get("/bye").statusCode() == 200);
			await().atMost(Duration.ofSeconds(30)).until(() -> app.history().get(0).outcome() == Outcome.REFRESHED);
			long refreshed = app.history().get(0).id();
			for (String word : List.of("ciao", "adieu", "tschuess")) {
				long before = app.history().get(0).id();
				app.compile("demo.Greetings", FullRefreshTests.CONTROLLER.formatted(BYE.formatted(word)));
				await().atMost(Duration.ofSeconds(30)).until(() -> app.body("/bye").startsWith(word + " after "));
				List<ReloadRecord> since = app.history().stream().filter((record) -> record.id() > before).toList();
				assertThat(since).as(word).hasSize(1);
				assertThat(since.get(0).outcome()).as(word).isEqualTo(Outcome.REDEFINED);
				assertThat(since.get(0).verdicts()).as(word)
					.containsExactly(new Verdict("demo.Greetings", Category.REDEFINE, "shape unchanged"));
			}
			assertThat(app.history()).filteredOn((record) -> record.outcome() == Outcome.REFRESHED)
				.extracting(ReloadRecord::id)
				.containsExactly(refreshed);
			// The counter kept its state through the refresh and the redefinitions.
			assertThat(app.body("/hello/bob")).matches("\\d+ \\[ann, (bye, )+bob\\] last bob of \\d+");
		}
	}

}
