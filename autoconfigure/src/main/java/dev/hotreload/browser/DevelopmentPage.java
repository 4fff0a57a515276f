package dev.hotreload.browser;

import java.util.List;
import java.util.Locale;

import dev.hotreload.BeanStatus;
import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Diagnostic;
import dev.hotreload.ReloadRecord.Failure;
import dev.hotreload.ReloadRecord.Verdict;
import dev.hotreload.refresh.PendingRefresh.PendingClass;

import org.springframework.web.util.HtmlUtils;

/**
 * Renders the development page: the reloadable beans with their generation and state
 * policy, the classes pending a refresh with their reasons, a chart of reload durations
 * and the history, newest first, as plain HTML that reads without JavaScript. The page's
 * live reload script reloads it at each new record.
 */
final class DevelopmentPage {

	private static final int CHART_RECORDS = 40;

	private DevelopmentPage() {
	}

	static String render(List<BeanStatus> beans, List<PendingClass> pending, List<ReloadRecord> history) {
		StringBuilder html = new StringBuilder(8192);
		html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>hot reload</title>")
			.append("<style>body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#222}")
			.append("table{border-collapse:collapse;margin:8px 0 24px}td,th{border-bottom:1px solid #ddd;")
			.append("padding:4px 10px;text-align:left;vertical-align:top}th{background:#f4f4f4}")
			.append(".FAILED{color:#a00}.RELOADED,.REDEFINED,.RECONFIGURED{color:#060}.REFRESHED{color:#036}")
			.append("code,pre{font:12px monospace;white-space:pre-wrap;margin:0}</style></head>")
			.append("<body data-hotreload-page=\"true\"><h1>hot reload</h1>");
		beans(html, beans);
		pending(html, pending);
		chart(html, history);
		history(html, history);
		html.append("</body></html>\n");
		return html.toString();
	}

	private static void beans(StringBuilder html, List<BeanStatus> beans) {
		html.append("<h2>Reloadable beans (").append(beans.size()).append(")</h2>");
		if (beans.isEmpty()) {
			html.append("<p>None.</p>");
			return;
		}
		html.append("<table id=\"beans\"><tr><th>Bean</th><th>Class</th><th>Generation</th><th>State</th></tr>");
		for (BeanStatus bean : beans) {
			html.append("<tr><td>")
				.append(escape(bean.name()))
				.append("</td><td><code>")
				.append(escape(bean.type()))
				.append("</code></td><td>")
				.append(bean.generation())
				.append("</td><td>")
				.append(bean.policy())
				.append("</td></tr>");
		}
		html.append("</table>");
	}

	private static void pending(StringBuilder html, List<PendingClass> pending) {
		html.append("<h2>Waiting for a full refresh (").append(pending.size()).append(")</h2>");
		if (pending.isEmpty()) {
			html.append("<p>Nothing.</p>");
			return;
		}
		html.append("<table id=\"pending\"><tr><th>Class or file</th><th>Why</th></tr>");
		for (PendingClass entry : pending) {
			html.append("<tr><td><code>")
				.append(escape(entry.className()))
				.append("</code></td><td>")
				.append(escape(entry.reason()))
				.append("</td></tr>");
		}
		html.append("</table>");
	}

	// Bars of the durations of the newest records, oldest left, as inline SVG.
	private static void chart(StringBuilder html, List<ReloadRecord> history) {
		List<ReloadRecord> records = history.subList(0, Math.min(CHART_RECORDS, history.size()));
		if (records.isEmpty()) {
			return;
		}
		double max = records.stream().mapToDouble(ReloadRecord::durationMillis).max().orElse(1);
		int width = 12;
		int height = 80;
		html.append("<h2>Durations of the last ")
			.append(records.size())
			.append(" changes (max ")
			.append(String.format(Locale.ROOT, "%.1f", max))
			.append(" ms)</h2><svg id=\"chart\" width=\"")
			.append(records.size() * width)
			.append("\" height=\"")
			.append(height)
			.append("\" role=\"img\">");
		for (int i = 0; i < records.size(); i++) {
			ReloadRecord record = records.get(records.size() - 1 - i);
			int bar = (int) Math.max(1, Math.round(record.durationMillis() / Math.max(max, 0.001) * (height - 2)));
			html.append("<rect x=\"")
				.append(i * width)
				.append("\" y=\"")
				.append(height - bar)
				.append("\" width=\"")
				.append(width - 2)
				.append("\" height=\"")
				.append(bar)
				.append("\" fill=\"")
				.append((record.outcome() == ReloadRecord.Outcome.FAILED) ? "#c33" : "#4a8")
				.append("\"><title>#")
				.append(record.id())
				.append(' ')
				.append(record.outcome())
				.append(String.format(Locale.ROOT, " %.1f ms", record.durationMillis()))
				.append("</title></rect>");
		}
		html.append("</svg>");
	}

	private static void history(StringBuilder html, List<ReloadRecord> history) {
		html.append("<h2>History (").append(history.size()).append(", newest first)</h2>");
		if (history.isEmpty()) {
			html.append("<p>No change yet.</p>");
			return;
		}
		html.append("<table id=\"history\"><tr><th>#</th><th>When</th><th>Outcome</th><th>Bean or classes</th>")
			.append("<th>ms</th><th>Details</th></tr>");
		for (ReloadRecord record : history) {
			html.append("<tr id=\"record-")
				.append(record.id())
				.append("\"><td>")
				.append(record.id())
				.append("</td><td>")
				.append(escape(record.timestamp().toString()))
				.append("</td><td class=\"")
				.append(record.outcome())
				.append("\">")
				.append(record.outcome())
				.append("</td><td>")
				.append((record.bean() != null) ? escape("'" + record.bean() + "' ") : "")
				.append("<code>")
				.append(escape(String.join(", ", record.classes())))
				.append("</code></td><td>")
				.append(String.format(Locale.ROOT, "%.1f", record.durationMillis()))
				.append("</td><td>");
			details(html, record);
			html.append("</td></tr>");
		}
		html.append("</table>");
	}

	private static void details(StringBuilder html, ReloadRecord record) {
		if (!record.fields().kept().isEmpty() || !record.fields().reset().isEmpty()) {
			html.append("kept ")
				.append(escape(record.fields().kept().toString()))
				.append(", reset ")
				.append(escape(record.fields().reset().toString()))
				.append("<br>");
		}
		if (record.properties() != null) {
			html.append("keys ").append(escape(record.properties().all().toString())).append("<br>");
		}
		for (Verdict verdict : record.verdicts()) {
			html.append("<code>")
				.append(escape(verdict.className()))
				.append("</code>: ")
				.append(verdict.category())
				.append(" (")
				.append(escape(verdict.reason()))
				.append(")<br>");
		}
		record.notes().forEach((note) -> html.append(escape(note)).append("<br>"));
		Failure failure = record.failure();
		if (failure != null) {
			html.append("<pre class=\"FAILED\">")
				.append(escape(failure.type() + ": " + failure.message()))
				.append("</pre>");
			for (Diagnostic diagnostic : failure.diagnostics()) {
				html.append("<pre>")
					.append(escape(diagnostic.file() + ":" + diagnostic.line() + ":" + diagnostic.column() + ": "
							+ diagnostic.message()))
					.append("</pre>");
			}
		}
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text);
	}

}
