package dev.hotreload.browser;

import dev.hotreload.HotReloader;
import dev.hotreload.refresh.PendingRefresh;

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

	/**
	 * The property that names the path of the development page.
	 */
	public static final String PAGE_PATH_PROPERTY = "hotreload.live-reload.page-path";

	/**
	 * The path of the development page unless {@value #PAGE_PATH_PROPERTY} says
	 * otherwise.
	 */
	public static final String DEFAULT_PAGE_PATH = "/hotreload";

	private final LiveReloadEvents events;

	private final HotReloader reloader;

	private final PendingRefresh pendingRefresh;

	/**
	 * Create the controller.
	 * @param events the event stream
	 * @param reloader what the development page shows
	 * @param pendingRefresh the classes waiting for a refresh
	 */
	public LiveReloadController(LiveReloadEvents events, HotReloader reloader, PendingRefresh pendingRefresh) {
		Assert.notNull(events, "'events' must not be null");
		Assert.notNull(reloader, "'reloader' must not be null");
		Assert.notNull(pendingRefresh, "'pendingRefresh' must not be null");
		this.events = events;
		this.reloader = reloader;
		this.pendingRefresh = pendingRefresh;
	}

	/**
	 * Serve the development page.
	 * @return the page
	 */
	@GetMapping(path = "${" + PAGE_PATH_PROPERTY + ":" + DEFAULT_PAGE_PATH + "}", produces = MediaType.TEXT_HTML_VALUE)
	public ResponseEntity<String> page() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.body(DevelopmentPage.render(this.reloader.beans(), this.pendingRefresh.classes(),
					this.reloader.history()));
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
