// Hot reload's live reload: follows the application's changes through a server-sent
// event stream, reloads the page once a change applied, and shows a failed change's
// error over the page. Served by the application itself; no library, no extension.
(function () {
	'use strict';
	var script = document.currentScript;
	var base = script ? script.src.replace(/live-reload\.js(\?.*)?$/, '') : '/hotreload-live/';
	var last = null;
	var reloading = false;
	var overlayId = 'hotreload-overlay';

	function reloadOnce() {
		if (reloading) {
			return;
		}
		reloading = true;
		// The records of one batch arrive within milliseconds: reload once, after them.
		setTimeout(function () {
			window.location.reload();
		}, 50);
	}

	function text(tag, content, style) {
		var element = document.createElement(tag);
		element.textContent = content;
		if (style) {
			element.setAttribute('style', style);
		}
		return element;
	}

	function showOverlay(record) {
		hideOverlay();
		var failure = record.failure || {};
		var overlay = document.createElement('div');
		overlay.id = overlayId;
		overlay.setAttribute('role', 'alert');
		overlay.setAttribute('style', 'position:fixed;left:0;right:0;bottom:0;max-height:60%;overflow:auto;'
				+ 'z-index:2147483647;background:rgba(40,0,0,0.93);color:#fff;font:14px/1.4 monospace;'
				+ 'padding:16px 20px;box-shadow:0 -2px 12px rgba(0,0,0,0.5)');
		overlay.appendChild(text('strong', 'Hot reload: the change failed; the previous code keeps serving'));
		var what = record.bean ? "bean '" + record.bean + "'" : (record.classes || []).join(', ');
		overlay.appendChild(text('div', what, 'margin-top:6px;color:#fbb'));
		overlay.appendChild(text('pre', (failure.type ? failure.type + ': ' : '') + (failure.message || ''),
				'white-space:pre-wrap;margin:8px 0'));
		(failure.diagnostics || []).forEach(function (diagnostic) {
			overlay.appendChild(text('pre', diagnostic.file + ':' + diagnostic.line + ':' + diagnostic.column + ': '
					+ diagnostic.message, 'white-space:pre-wrap;margin:4px 0;color:#ffd'));
		});
		var close = text('button', 'Close', 'position:absolute;top:8px;right:12px');
		close.onclick = hideOverlay;
		overlay.appendChild(close);
		document.body.appendChild(overlay);
	}

	function hideOverlay() {
		var overlay = document.getElementById(overlayId);
		if (overlay) {
			overlay.parentNode.removeChild(overlay);
		}
	}

	// The development page lists every record: it reloads for failures too.
	var listsRecords = document.body && document.body.getAttribute('data-hotreload-page') === 'true';

	function handle(record) {
		if (record.outcome === 'FAILED' && !listsRecords) {
			showOverlay(record);
		}
		else {
			reloadOnce();
		}
	}

	function connect() {
		var events = new EventSource(base + 'events');
		events.addEventListener('hello', function (event) {
			var latest = JSON.parse(event.data).latest;
			var id = latest ? latest.id : 0;
			// Connected again after the stream dropped (a refresh): what happened meanwhile.
			if (last !== null && id > last) {
				handle(latest);
			}
			last = id;
		});
		events.addEventListener('record', function (event) {
			var record = JSON.parse(event.data);
			if (last !== null && record.id <= last) {
				return;
			}
			last = record.id;
			handle(record);
		});
		// A template, a static file or a message changed: served anew at the next request.
		events.addEventListener('resources', function () {
			if (!document.getElementById(overlayId)) {
				reloadOnce();
			}
		});
		// EventSource connects again by itself when the stream drops.
	}

	window.hotReload = { connected: true };
	connect();
})();
