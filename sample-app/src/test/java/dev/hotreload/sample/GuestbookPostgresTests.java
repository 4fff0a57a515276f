package dev.hotreload.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the sample app on the {@code dev} profile against PostgreSQL in a container, and
 * reloads the guestbook, a bean that writes through a repository, while requests write:
 * each new generation gets the repository and the same connection pool, every request is
 * written exactly once, and a reload that fails while a transaction is open leaves that
 * transaction to end on its own, all or nothing.
 */
@EnabledIfDocker
@Testcontainers
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.colony.tick-interval=1h")
@ActiveProfiles("dev")
class GuestbookPostgresTests {

	@Container
	@ServiceConnection
	static final PostgreSQLContainer postgres = SamplePostgres.container();

	@LocalServerPort
	private int port;

	@Autowired
	private HotReloader hotReloader;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private JdbcClient jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	private RecompiledClass guestbook;

	@BeforeEach
	void emptyGuestbook() {
		assertThat(this.jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
		this.jdbc.sql("DELETE FROM signature").update();
		this.guestbook = RecompiledClass.of(Guestbook.class);
	}

	@AfterEach
	void restoreGuestbook() {
		this.guestbook.restore();
		this.hotReloader.reload("guestbook");
	}

	@Test
	void reloadsWhileRequestsWriteAndNoRowIsLostOrWrittenTwice() throws Exception {
		int generation = generationOfGuestbook();
		AtomicBoolean writing = new AtomicBoolean(true);
		AtomicInteger sent = new AtomicInteger();
		Map<String, Integer> answers = new ConcurrentHashMap<>();
		ExecutorService writers = Executors.newFixedThreadPool(4);
		List<Future<?>> running = new ArrayList<>();
		for (int writer = 0; writer < 4; writer++) {
			String prefix = "writer" + writer + "-";
			running.add(writers.submit(() -> {
				for (int i = 0; writing.get(); i++) {
					String name = prefix + i;
					sent.incrementAndGet();
					answers.put(name, post("/guestbook", "{\"name\":\"" + name + "\"}").statusCode());
				}
				return null;
			}));
		}
		List<String> messages = List.of("Thank you for signing, ", "Welcome, ", "Nice to see you, ", "Hello again, ");
		for (int version = 1; version < messages.size(); version++) {
			int before = sent.get();
			await().atMost(Duration.ofSeconds(20)).until(() -> sent.get() >= before + 20);
			this.guestbook
				.recompile(this.guestbook.edit("\"" + messages.get(0) + "\"", "\"" + messages.get(version) + "\""));
			awaitGeneration(generation + version);
		}
		int afterLastReload = sent.get();
		await().atMost(Duration.ofSeconds(20)).until(() -> sent.get() >= afterLastReload + 20);
		writing.set(false);
		for (Future<?> writer : running) {
			writer.get(30, TimeUnit.SECONDS);
		}
		writers.shutdown();

		assertThat(answers).hasSize(sent.get());
		assertThat(answers.values()).containsOnly(200);
		List<String> names = this.jdbc.sql("SELECT name FROM signature").query(String.class).list();
		assertThat(names).hasSize(answers.size()).doesNotHaveDuplicates();
		assertThat(names).containsExactlyInAnyOrderElementsOf(answers.keySet());
		List<String> written = this.jdbc.sql("SELECT message FROM signature ORDER BY id").query(String.class).list();
		for (String message : messages) {
			assertThat(written).anyMatch((text) -> text.startsWith(message));
		}
		assertThat(written.get(written.size() - 1)).startsWith(messages.get(messages.size() - 1));
		// The repository is injected into each generation, not carried over as state
		ReloadRecord last = newestRecordOfGuestbook().orElseThrow();
		assertThat(last.generation()).isEqualTo(generation + messages.size() - 1);
		assertThat(last.fields().kept()).isEmpty();
	}

	@Test
	void reloadThatFailsWhileATransactionIsOpenLeavesItAllOrNothing() throws Exception {
		int generation = generationOfGuestbook();
		try (Connection blocker = this.dataSource.getConnection()) {
			// An uncommitted signature of the same name makes the batch wait for this
			// transaction in the middle of its own, two rows written.
			blocker.setAutoCommit(false);
			try (PreparedStatement insert = blocker.prepareStatement(
					"INSERT INTO signature (name, message, signed_at) VALUES ('Grace', 'first', now())")) {
				insert.executeUpdate();
			}
			CompletableFuture<HttpResponse<String>> batch = this.http.sendAsync(
					request("/guestbook/batch", "[\"Ada\", \"Alan\", \"Grace\", \"Edsger\"]"),
					HttpResponse.BodyHandlers.ofString());
			await().atMost(Duration.ofSeconds(20)).until(this::aTransactionWaitsForALock);

			long lastRecord = newestRecordOfGuestbook().map(ReloadRecord::id).orElse(0L);
			this.guestbook.recompile(this.guestbook.edit("this.signatures = signatures;",
					"this.signatures = signatures; if (true) { throw new IllegalStateException(\"broken guestbook\"); }"));
			ReloadRecord failed = await().atMost(Duration.ofSeconds(20))
				.until(this::newestRecordOfGuestbook, (record) -> record.isPresent() && record.get().id() > lastRecord)
				.orElseThrow();
			assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
			assertThat(failed.failure().message()).contains("broken guestbook");
			assertThat(failed.generation()).isEqualTo(generation);
			assertThat(batch).isNotDone();

			blocker.commit();
			HttpResponse<String> answer = batch.get(20, TimeUnit.SECONDS);
			assertThat(answer.statusCode()).isEqualTo(409);
		}
		assertThat(this.jdbc.sql("SELECT name FROM signature").query(String.class).list()).containsExactly("Grace");
		assertThat(generationOfGuestbook()).isEqualTo(generation);
		HttpResponse<String> next = post("/guestbook/batch", "[\"Ada\", \"Alan\", \"Edsger\"]");
		assertThat(next.statusCode()).isEqualTo(200);
		assertThat(this.jdbc.sql("SELECT name FROM signature ORDER BY id").query(String.class).list())
			.containsExactly("Grace", "Ada", "Alan", "Edsger");
	}

	private boolean aTransactionWaitsForALock() {
		return this.jdbc.sql(
				"SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")
			.query(Integer.class)
			.single() > 0;
	}

	private Optional<ReloadRecord> newestRecordOfGuestbook() {
		return this.hotReloader.history().stream().filter((record) -> record.bean().equals("guestbook")).findFirst();
	}

	private int generationOfGuestbook() {
		return new SampleHttpClient(this.port).generationOf("guestbook");
	}

	private void awaitGeneration(int generation) {
		await().atMost(Duration.ofSeconds(20)).until(() -> generationOfGuestbook() == generation);
	}

	private HttpResponse<String> post(String path, String json) throws Exception {
		return this.http.send(request(path, json), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest request(String path, String json) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
	}

}
