package dev.hotreload.reload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Failure;
import dev.hotreload.ReloadRecord.FieldReport;
import dev.hotreload.ReloadRecord.MappingReport;
import org.jspecify.annotations.Nullable;

/**
 * The one line that the log gets for each reload, read at a glance: what, how long, and
 * what happened to the state.
 */
final class ReloadLog {

	private ReloadLog() {
	}

	static String reloaded(ReloadableBean bean, ReloadRecord record) {
		FieldReport fields = record.fields();
		String message = String.format(Locale.ROOT,
				"Reloaded '%s' (%s) to generation %d in %.1f ms: kept %s, reset %s, dropped %s", bean.name(),
				bean.className(), record.generation(), record.durationMillis(), fields.kept(), fields.reset(),
				fields.dropped());
		String mappings = mappings(record.mappings());
		if (!mappings.isEmpty()) {
			message += "; mappings " + mappings;
		}
		if (record.inFlightCalls() > 0) {
			message += "; " + record.inFlightCalls() + " call(s) were still running on generation "
					+ (record.generation() - 1) + " after the drain timeout";
		}
		for (String note : record.notes()) {
			message += "; " + note;
		}
		return message;
	}

	static String failed(ReloadableBean bean, ReloadRecord record) {
		return String.format(Locale.ROOT, "Reload of '%s' (%s) failed after %.1f ms; generation %d keeps serving: %s",
				bean.name(), bean.className(), record.durationMillis(), record.generation(),
				describe(record.failure()));
	}

	static String needsRefresh(ReloadableBean bean, ReloadRecord record) {
		return String.format(Locale.ROOT, "Reload of '%s' (%s) needs a full refresh; generation %d keeps serving: %s",
				bean.name(), bean.className(), record.generation(),
				(record.failure() != null) ? record.failure().message() : "");
	}

	static String failedBeforeReload(ReloadRecord record) {
		if (record.bean() != null) {
			return "Reload of '" + record.bean() + "' failed; generation " + record.generation() + " keeps serving: "
					+ describe(record.failure());
		}
		return "Reload of " + String.join(", ", record.classes()) + " failed; the previous code keeps serving: "
				+ describe(record.failure());
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
