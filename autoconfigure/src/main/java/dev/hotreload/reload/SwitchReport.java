package dev.hotreload.reload;

import java.util.List;

import dev.hotreload.ReloadRecord.FieldReport;

/**
 * What switching a bean to a new generation did.
 *
 * @param fields what happened to the bean's fields
 * @param inFlightCalls calls still running on the old generation after the drain timeout
 * @param notes what else the record should say, one sentence each
 */
record SwitchReport(FieldReport fields, int inFlightCalls, List<String> notes) {

	SwitchReport(FieldReport fields, int inFlightCalls) {
		this(fields, inFlightCalls, List.of());
	}

}
