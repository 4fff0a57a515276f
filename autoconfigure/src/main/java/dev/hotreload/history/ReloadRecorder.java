package dev.hotreload.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Failure;
import dev.hotreload.ReloadRecord.FieldReport;
import dev.hotreload.ReloadRecord.MappingReport;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The one place where reloads, redefinitions, refreshes and failures are recorded: each
 * record goes to the {@link ReloadHistory}, which gives it its id and tells its
 * listeners, and gets one log line, read at a glance, made from the record itself.
 */
public final class ReloadRecorder {

	private static final Log logger = LogFactory.getLog(ReloadRecorder.class);

	private final ReloadHistory history;

	/**
	 * Create a recorder.
	 * @param history where the records go
	 */
	public ReloadRecorder(ReloadHistory history) {
		Assert.notNull(history, "'history' must not be null");
		this.history = history;
	}

	/**
	 * Record a reloaded bean.
	 * @param record the record of the new generation
	 * @param beanClassName the bean's class
	 * @return the record, with its id
	 */
	public ReloadRecord reloaded(ReloadRecord record, String beanClassName) {
		FieldReport fields = record.fields();
		StringBuilder message = new StringBuilder(String.format(Locale.ROOT,
				"Reloaded '%s' (%s) to generation %d in %.1f ms: kept %s, reset %s, dropped %s", record.bean(),
				beanClassName, record.generation(), record.durationMillis(), fields.kept(), fields.reset(),
				fields.dropped()));
		String mappings = mappings(record.mappings());
		if (!mappings.isEmpty()) {
			message.append("; mappings ").append(mappings);
		}
		if (record.inFlightCalls() > 0) {
			message.append("; ")
				.append(record.inFlightCalls())
				.append(" call(s) were still running on generation ")
				.append(record.generation() - 1)
				.append(" after the drain timeout");
		}
		record.notes().forEach((note) -> message.append("; ").append(note));
		logger.info(message);
		return this.history.add(record);
	}

	/**
	 * Record a reload that failed; the previous generation keeps serving.
	 * @param record the record of the failure
	 * @param beanClassName the bean's class
	 * @param cause what went wrong, logged with its stack trace, or {@code null}
	 * @return the record, with its id
	 */
	public ReloadRecord reloadFailed(ReloadRecord record, String beanClassName, @Nullable Throwable cause) {
		logger.warn(String.format(Locale.ROOT,
				"Reload of '%s' (%s) failed after %.1f ms; generation %d keeps serving: %s", record.bean(),
				beanClassName, record.durationMillis(), record.generation(), describe(record.failure())), cause);
		return this.history.add(record);
	}

	/**
	 * Record a new generation that only a full refresh can apply.
	 * @param record the record, whose failure says why
	 * @param beanClassName the bean's class
	 * @return the record, with its id
	 */
	public ReloadRecord reloadNeedsRefresh(ReloadRecord record, String beanClassName) {
		logger.warn(String.format(Locale.ROOT,
				"Reload of '%s' (%s) needs a full refresh; generation %d keeps serving: %s", record.bean(),
				beanClassName, record.generation(), (record.failure() != null) ? record.failure().message() : ""));
		return this.history.add(record);
	}

	/**
	 * Record a failure that happened before a reload or a redefinition could start: a
	 * compilation error, a class file that cannot be read.
	 * @param record the record of the failure
	 * @return the record, with its id
	 */
	public ReloadRecord failedBeforeReload(ReloadRecord record) {
		if (record.bean() != null) {
			logger.warn("Reload of '" + record.bean() + "' failed; generation " + record.generation()
					+ " keeps serving: " + describe(record.failure()));
		}
		else {
			logger.warn("Reload of " + String.join(", ", record.classes())
					+ " failed; the previous code keeps serving: " + describe(record.failure()));
		}
		return this.history.add(record);
	}

	/**
	 * Record classes redefined in place.
	 * @param record the record of the redefinition
	 * @return the record, with its id
	 */
	public ReloadRecord redefined(ReloadRecord record) {
		List<String> classes = record.classes();
		logger.info(String.format(Locale.ROOT, "Redefined %d class%s in place in %.1f ms: %s%s", classes.size(),
				(classes.size() == 1) ? "" : "es", record.durationMillis(), String.join(", ", classes),
				record.notes().isEmpty() ? "" : "; " + String.join("; ", record.notes())));
		return this.history.add(record);
	}

	/**
	 * Record a redefinition that the JVM refused; the previous classes keep running.
	 * @param record the record of the failure
	 * @return the record, with its id
	 */
	public ReloadRecord redefinitionFailed(ReloadRecord record) {
		Failure failure = record.failure();
		logger.warn(String.format(Locale.ROOT,
				"Redefinition of %s failed after %.1f ms; the previous code keeps serving: %s",
				String.join(", ", record.classes()), record.durationMillis(), describe(failure)));
		return this.history.add(record);
	}

	/**
	 * Record a full refresh, under the id it was given when it started.
	 * @param record the record of the refresh
	 * @param reservedId the id reserved when it started
	 * @param unclaimed the beans whose state no bean of the new context took
	 * @param survivors the names of the {@code @SurvivesRefresh} beans
	 * @return the record, with its id
	 */
	public ReloadRecord refreshed(ReloadRecord record, long reservedId, List<String> unclaimed, Set<String> survivors) {
		StringBuilder message = new StringBuilder(String.format(Locale.ROOT, "Refreshed the application in %.1f ms (%s",
				record.durationMillis(), record.trigger()));
		if (!record.classes().isEmpty()) {
			message.append(", ").append(record.classes().size()).append(" changed class(es)");
		}
		message.append(")");
		if (record.carried().isEmpty()) {
			message.append(": no state carried");
		}
		else {
			List<String> beans = new ArrayList<>();
			record.carried()
				.forEach((bean, fields) -> beans.add(bean + " kept " + fields.kept() + ", reset " + fields.reset()
						+ ", dropped " + fields.dropped()));
			message.append(": ").append(String.join("; ", beans));
		}
		if (!unclaimed.isEmpty()) {
			message.append("; no bean of the same name took the state of ").append(unclaimed);
		}
		if (!survivors.isEmpty()) {
			message.append("; survived: ").append(survivors);
		}
		record.notes().forEach((note) -> message.append("; ").append(note));
		ReloadRecord added = this.history.addReserved(record, reservedId);
		logger.info(message);
		return added;
	}

	/**
	 * Record a full refresh whose new context did not start.
	 * @param record the record of the failure
	 * @param reservedId the id reserved when it started
	 * @return the record, with its id
	 */
	public ReloadRecord refreshFailed(ReloadRecord record, long reservedId) {
		ReloadRecord added = this.history.addReserved(record, reservedId);
		logger.error(String.format(Locale.ROOT, "Refresh failed after %.1f ms: %s", record.durationMillis(),
				describe(record.failure())));
		return added;
	}

	/**
	 * Record a changed configuration applied to the running application. The line names
	 * the keys, never their values.
	 * @param record the record, with its property changes
	 * @return the record, with its id
	 */
	public ReloadRecord reconfigured(ReloadRecord record) {
		List<String> keys = (record.properties() != null) ? record.properties().all() : List.of();
		logger.info(String.format(Locale.ROOT, "Reconfigured %d propert%s (%s) in %.1f ms: %s", keys.size(),
				(keys.size() == 1) ? "y" : "ies", String.join(", ", keys), record.durationMillis(),
				String.join("; ", record.notes())));
		return this.history.add(record);
	}

	/**
	 * Record a changed configuration file that could not be applied; the previous
	 * configuration keeps serving.
	 * @param record the record of the failure
	 * @return the record, with its id
	 */
	public ReloadRecord reconfigurationFailed(ReloadRecord record) {
		logger.warn(String.format(Locale.ROOT,
				"Reconfiguration from %s failed after %.1f ms; the previous configuration keeps serving: %s",
				String.join(", ", record.classes()), record.durationMillis(), describe(record.failure())));
		return this.history.add(record);
	}

	// Such as "+GET /vets/count, -GET /owners/find, ~GET /owners/{id}".
	private static String mappings(MappingReport mappings) {
		List<String> parts = new ArrayList<>();
		mappings.added().forEach((mapping) -> parts.add("+" + mapping));
		mappings.removed().forEach((mapping) -> parts.add("-" + mapping));
		mappings.changed().forEach((mapping) -> parts.add("~" + mapping));
		return String.join(", ", parts);
	}

	private static String describe(@Nullable Failure failure) {
		return (failure != null) ? failure.type() + ": " + failure.message() : "";
	}

}
