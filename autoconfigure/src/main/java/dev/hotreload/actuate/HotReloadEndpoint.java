package dev.hotreload.actuate;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Trigger;
import dev.hotreload.StatePolicy;
import dev.hotreload.reload.BeanStatus;
import dev.hotreload.reload.HotReloadEngine;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.util.Assert;

/**
 * The {@code hotreload} actuator endpoint: which beans are reloadable, at which
 * generation, and the reload history; a write operation reloads one bean now.
 */
@Endpoint(id = "hotreload")
public class HotReloadEndpoint {

	private final HotReloadEngine engine;

	/**
	 * Create the endpoint.
	 * @param engine the engine to report on
	 */
	public HotReloadEndpoint(HotReloadEngine engine) {
		Assert.notNull(engine, "'engine' must not be null");
		this.engine = engine;
	}

	/**
	 * Report on every reloadable bean and the whole history.
	 * @return the report
	 */
	@ReadOperation
	public HotReloadReport report() {
		return new HotReloadReport(!this.engine.classDirectories().isEmpty(),
				this.engine.classDirectories().stream().map(Object::toString).sorted().toList(), this.engine.beans(),
				this.engine.history());
	}

	/**
	 * Report on one reloadable bean.
	 * @param name the bean's name
	 * @return the report, or {@code null} (404) if no reloadable bean has that name
	 */
	@ReadOperation
	public @Nullable BeanReport bean(@Selector String name) {
		BeanStatus status = this.engine.bean(name);
		if (status == null) {
			return null;
		}
		return new BeanReport(status.name(), status.type(), status.generation(), status.state(),
				this.engine.history(name));
	}

	/**
	 * Reload one bean now from its current class files, as a new generation.
	 * @param name the bean's name
	 * @return the record of the reload, or {@code null} if no reloadable bean has that
	 * name
	 */
	@WriteOperation
	public @Nullable ReloadRecord reload(@Selector String name) {
		if (this.engine.bean(name) == null) {
			return null;
		}
		return this.engine.reload(name, Trigger.ENDPOINT);
	}

	/**
	 * The endpoint's report.
	 *
	 * @param active whether there are class directories to reload from
	 * @param watchedPaths the watched class directories
	 * @param beans the reloadable beans
	 * @param history the reload history, newest first
	 */
	public record HotReloadReport(boolean active, List<String> watchedPaths, List<BeanStatus> beans,
			List<ReloadRecord> history) {

	}

	/**
	 * The report on one bean.
	 *
	 * @param name the bean's name
	 * @param type the name of the bean's class
	 * @param generation the generation serving calls
	 * @param state the bean's state policy
	 * @param history the bean's reload history, newest first
	 */
	public record BeanReport(String name, String type, int generation, StatePolicy state, List<ReloadRecord> history) {

	}

}
