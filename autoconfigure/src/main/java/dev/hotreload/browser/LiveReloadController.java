package dev.hotreload.browser;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Serves the pages' script and its event stream, under {@value #PATH}, from the starter's
 * own resources.
 */
@RestController
public final class LiveReloadController {

	/**
	 * The path below which the script and the stream are served.
	 */
	public static final String PATH = "/hotreload-live";

	static final String SCRIPT = PATH + "/live-reload.js";

	static final String EVENTS = PATH + "/events";

	private static final Resource SCRIPT_RESOURCE = new ClassPathResource("META-INF/hotreload/live-reload.js",
			LiveReloadController.class.getClassLoader());

	private final LiveReloadEvents events;

	/**
	 * Create the controller.
	 * @param events the event stream
	 */
	public LiveReloadController(LiveReloadEvents events) {
		Assert.notNull(events, "'events' must not be null");
		this.events = events;
	}

	/**
	 * Serve the script.
	 * @return the script
	 */
	@GetMapping(path = SCRIPT, produces = "text/javascript")
	public ResponseEntity<Resource> script() {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(SCRIPT_RESOURCE);
	}

	/**
	 * Open an event stream.
	 * @return the stream
	 */
	@GetMapping(path = EVENTS, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	public SseEmitter events() {
		return this.events.connect();
	}

}
