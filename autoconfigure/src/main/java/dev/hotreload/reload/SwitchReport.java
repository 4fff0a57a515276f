package dev.hotreload.reload;

import dev.hotreload.ReloadRecord.FieldReport;

/**
 * What switching a bean to a new generation did.
 *
 * @param fields what happened to the bean's fields
 * @param inFlightCalls calls still running on the old generation after the drain timeout
 */
record SwitchReport(FieldReport fields, int inFlightCalls) {

}
