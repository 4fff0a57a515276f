package dev.hotreload.actuate;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.hotreload.BeanStatus;
import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Trigger;
import dev.hotreload.StatePolicy;
import dev.hotreload.refresh.PendingRefresh;
import dev.hotreload.refresh.PendingRefresh.PendingClass;
import dev.hotreload.web.BeanRequestMappings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.util.Assert;

/**
 * The {@code hotreload} actuator endpoint: which beans are reloadable, at which
 * generation, the changed classes that wait for a full refresh, and the reload history; a
 * write operation reloads one bean now. A thin adapter over {@link HotReloader}.
 */
@Endpoint(id = "hotreload")
public class HotReloadEndpoint {

	private final HotReloader reloader;

	private final PendingRefresh pendingRefresh;

	private final BeanRequestMappings requestMappings;

	/**
	 * Create the endpoint for an application without Spring MVC.
	 * @param reloader the reloader to report on
	 * @param pendingRefresh the changed classes that wait for a full refresh
	 */
	public HotReloadEndpoint(HotReloader reloader, PendingRefresh pendingRefresh) {
		this(reloader, pendingRefresh, BeanRequestMappings.NONE);
	}

	/**
	 * Create the endpoint.
	 * @param reloader the reloader to report on
	 * @param pendingRefresh the changed classes that wait for a full refresh
	 * @param requestMappings the live request mappings of reloadable controllers
	 */
	public HotReloadEndpoint(HotReloader reloader, PendingRefresh pendingRefresh, BeanRequestMappings requestMappings) {
		Assert.notNull(reloader, "'reloader' must not be null");
		Assert.notNull(pendingRefresh, "'pendingRefresh' must not be null");
		Assert.notNull(requestMappings, "'requestMappings' must not be null");
		this.reloader = reloader;
		this.pendingRefresh = pendingRefresh;
		this.requestMappings = requestMappings;
	}

	/**
	 * Report on every reloadable bean and the whole history.
	 * @return the report
	 */
	@ReadOperation
	public HotReloadDescriptor report() {
		return new HotReloadDescriptor(!this.reloader.classDirectories().isEmpty(),
				this.reloader.classDirectories().stream().map(Object::toString).sorted().toList(),
				this.reloader.beans(), this.pendingRefresh.classes(), this.reloader.history());
	}

	/**
	 * Report on one reloadable bean.
	 * @param name the bean's name
	 * @return the report, or {@code null} (404) if no reloadable bean has that name
	 */
	@ReadOperation
	public @Nullable BeanDescriptor bean(@Selector String name) {
		BeanStatus status = this.reloader.bean(name);
		if (status == null) {
			return null;
		}
		return new BeanDescriptor(status.name(), status.type(), status.generation(), status.policy(),
				this.requestMappings.mappingsOf(name), this.reloader.history(name));
	}

	/**
	 * Reload one bean now from its current class files, as a new generation.
	 * @param name the bean's name
	 * @return the record of the reload, or {@code null} if no reloadable bean has that
	 * name
	 */
	@WriteOperation
	public @Nullable ReloadDescriptor reload(@Selector String name) {
		if (this.reloader.bean(name) == null) {
			return null;
		}
		return new ReloadDescriptor(this.reloader.reload(name, Trigger.ENDPOINT));
	}

	/**
	 * Refresh the whole application in this JVM. It answers at once; the refresh runs on
	 * a thread of its own and its record appears in the history once the new context is
	 * ready or failed.
	 * @return {@code refresh} {@code started} and the id of the refresh's record, or
	 * {@code unavailable} and the reason when the application cannot be refreshed
	 */
	@WriteOperation
	public RefreshDescriptor refresh() {
		try {
			return new RefreshDescriptor(RefreshDescriptor.STARTED, this.reloader.refresh(Trigger.ENDPOINT), null);
		}
		catch (IllegalStateException ex) {
			return new RefreshDescriptor(RefreshDescriptor.UNAVAILABLE, null, ex.getMessage());
		}
	}

	/**
	 * The answer to a request for a full refresh.
	 *
	 * @param refresh {@code started}, or {@code unavailable} when the application cannot
	 * be refreshed
	 * @param id the id the refresh's record will have, when started
	 * @param reason why the application cannot be refreshed, when unavailable
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record RefreshDescriptor(String refresh, @Nullable Long id,
			@Nullable String reason) implements OperationResponseBody {

		/** The refresh started. */
		public static final String STARTED = "started";

		/** The application cannot be refreshed. */
		public static final String UNAVAILABLE = "unavailable";

	}

	/**
	 * The endpoint's report.
	 *
	 * @param active whether there are class directories to reload from
	 * @param watchedPaths the watched class directories
	 * @param beans the reloadable beans
	 * @param pendingRefresh the changed classes that only a full refresh can apply
	 * @param history the reload history, newest first
	 */
	public record HotReloadDescriptor(boolean active, List<String> watchedPaths, List<BeanStatus> beans,
			List<PendingClass> pendingRefresh, List<ReloadRecord> history) implements OperationResponseBody {

	}

	/**
	 * The report on one bean.
	 *
	 * @param name the bean's name
	 * @param type the name of the bean's original class
	 * @param generation the generation serving calls
	 * @param policy what a reload does with the bean's state
	 * @param mappings the bean's live request mappings, such as {@code GET /visits};
	 * empty unless the bean is a Spring MVC controller
	 * @param history the bean's reload history, newest first
	 */
	public record BeanDescriptor(String name, String type, int generation, StatePolicy policy, List<String> mappings,
			List<ReloadRecord> history) implements OperationResponseBody {

	}

	/**
	 * The record of a reload asked for through the endpoint, in the same JSON as a record
	 * of the history.
	 *
	 * @param record the record
	 */
	public record ReloadDescriptor(@JsonUnwrapped ReloadRecord record) implements OperationResponseBody {

	}

}
