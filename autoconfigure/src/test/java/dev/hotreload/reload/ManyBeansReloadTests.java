package dev.hotreload.reload;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.testsupport.ReloadableClasses;
import dev.hotreload.testsupport.Reloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.hotreload.testsupport.Reloads.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twenty reloadable beans compiled at once each reload exactly once to their second
 * generation.
 */
class ManyBeansReloadTests {

	private static final int BEANS = 20;

	private static final String CONFIG = ReloadableClasses.COMPONENT_SCAN_CONFIG;

	private static final String BEAN = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Bean%1$02d {
				private int calls;
				public String version() { calls++; return "%2$s of bean %1$02d, call " + calls; }
			}
			""";

	@Test
	void everyBeanReloadsOnceToGenerationTwo(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile(sources("v1", List.of("demo.Config", CONFIG)));
			Reloads.runner(classes, "demo.Config").run((context) -> {
				HotReloader reloader = context.getBean(HotReloader.class);
				HotReloadEngine engine = context.getBean(HotReloadEngine.class);
				List<String> names = IntStream.range(0, BEANS).mapToObj("bean%02d"::formatted).toList();
				assertThat(reloader.reloadableBeans()).containsExactlyElementsOf(names);
				for (String name : names) {
					call(context.getBean(name), "version");
				}
				classes.compile(sources("v2", List.of()));
				Reloads.awaitRecords(context, BEANS);
				List<ReloadRecord> records = reloader.history();
				assertThat(records).hasSize(BEANS).allSatisfy((record) -> {
					assertThat(record.outcome()).isEqualTo(Outcome.RELOADED);
					assertThat(record.generation()).isEqualTo(2);
					assertThat(record.fields().kept()).containsExactly("calls");
				});
				assertThat(records).extracting(ReloadRecord::bean).containsExactlyInAnyOrderElementsOf(names);
				for (int i = 0; i < BEANS; i++) {
					assertThat(engine.bean(names.get(i)).generation()).isEqualTo(2);
					assertThat(call(context.getBean(names.get(i)), "version"))
						.isEqualTo("v2 of bean %02d, call 2".formatted(i));
				}
				classes.compile("demo.Bean07", BEAN.formatted(7, "v3"));
				ReloadRecord barrier = Reloads.awaitRecords(context, BEANS + 1);
				assertThat(barrier.bean()).isEqualTo("bean07");
				assertThat(barrier.generation()).isEqualTo(3);
				assertThat(reloader.history()).hasSize(BEANS + 1);
			});
		}
	}

	private static String[] sources(String version, List<String> others) {
		List<String> sources = new ArrayList<>(others);
		for (int i = 0; i < BEANS; i++) {
			sources.add("demo.Bean%02d".formatted(i));
			sources.add(BEAN.formatted(i, version));
		}
		return sources.toArray(String[]::new);
	}

}
