package dev.hotreload.browser;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Failure;
import dev.hotreload.history.ReloadHistory;
import dev.hotreload.history.ReloadRecordListener;
import dev.hotreload.resources.WebResourceListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The event stream that the pages' script listens to: one {@code hello} event with the
 * newest record when a page connects, then one {@code record} event per record of the
 * history. An event holds the record's id, outcome, bean, classes and failure, nothing
 * else. The streams end when the context closes, so that a graceful shutdown does not
 * wait for them; the script then connects again to the next run.
 */
public final class LiveReloadEvents
		implements ReloadRecordListener, WebResourceListener, ApplicationListener<ContextClosedEvent> {

	private static final Log logger = LogFactory.getLog(LiveReloadEvents.class);

	// How long the browser waits before it connects again, as during a refresh.
	private static final long RECONNECT_MILLIS = 250;

	private final ReloadHistory history;

	private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();

	/**
	 * Create the events of a history.
	 * @param history the history
	 */
	public LiveReloadEvents(ReloadHistory history) {
		Assert.notNull(history, "'history' must not be null");
		this.history = history;
	}

	/**
	 * Open a stream for a page.
	 * @return the stream, which starts with the {@code hello} event
	 */
	public SseEmitter connect() {
		SseEmitter emitter = new SseEmitter(0L);
		emitter.onCompletion(() -> this.emitters.remove(emitter));
		emitter.onTimeout(() -> this.emitters.remove(emitter));
		emitter.onError((ex) -> this.emitters.remove(emitter));
		List<ReloadRecord> records = this.history.records();
		Map<String, Object> hello = new LinkedHashMap<>();
		hello.put("latest", records.isEmpty() ? null : event(records.get(0)));
		try {
			emitter.send(SseEmitter.event()
				.name("hello")
				.reconnectTime(RECONNECT_MILLIS)
				.data(hello, MediaType.APPLICATION_JSON));
			this.emitters.add(emitter);
		}
		catch (IOException ex) {
			emitter.completeWithError(ex);
		}
		return emitter;
	}

	@Override
	public void recorded(ReloadRecord record) {
		Map<String, Object> event = event(record);
		for (SseEmitter emitter : this.emitters) {
			try {
				emitter.send(SseEmitter.event()
					.name("record")
					.id(String.valueOf(record.id()))
					.data(event, MediaType.APPLICATION_JSON));
			}
			catch (IOException | IllegalStateException ex) {
				logger.debug("A page's event stream is gone", ex);
				this.emitters.remove(emitter);
			}
		}
	}

	/**
	 * Tell the pages that templates, static files or messages changed, which the
	 * application serves anew at the next request without a record: they reload.
	 * @param files the changed files, relative to their class directory
	 */
	@Override
	public void resourcesChanged(List<String> files) {
		Map<String, Object> event = Map.of("files", files);
		for (SseEmitter emitter : this.emitters) {
			try {
				emitter.send(SseEmitter.event().name("resources").data(event, MediaType.APPLICATION_JSON));
			}
			catch (IOException | IllegalStateException ex) {
				logger.debug("A page's event stream is gone", ex);
				this.emitters.remove(emitter);
			}
		}
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		this.emitters.forEach(SseEmitter::complete);
		this.emitters.clear();
	}

	/**
	 * Return the number of pages connected.
	 * @return the number of open streams
	 */
	int connected() {
		return this.emitters.size();
	}

	private static Map<String, Object> event(ReloadRecord record) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("id", record.id());
		event.put("outcome", record.outcome().name());
		event.put("bean", record.bean());
		event.put("classes", record.classes());
		event.put("failure", failure(record.failure()));
		return event;
	}

	private static @Nullable Map<String, Object> failure(@Nullable Failure failure) {
		if (failure == null) {
			return null;
		}
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("type", failure.type());
		map.put("message", failure.message());
		map.put("diagnostics", failure.diagnostics());
		return map;
	}

}
