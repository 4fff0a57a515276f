package dev.hotreload.browser;

import java.io.IOException;

import dev.hotreload.access.LoopbackClients;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Adds a {@code script} element that loads {@code live-reload.js} before the end tag of
 * the {@code body} of every HTML page the application serves to a client that may load it
 * (loopback only, unless remote clients are let in), and leaves every other answer as it
 * is. No inline script: a page with {@code Content-Security-Policy: script-src 'self'}
 * still runs it.
 */
public final class LiveReloadScriptFilter extends OncePerRequestFilter {

	private final boolean allowRemoteClients;

	/**
	 * Create the filter.
	 * @param allowRemoteClients whether clients other than loopback ones get the script
	 */
	public LiveReloadScriptFilter(boolean allowRemoteClients) {
		this.allowRemoteClients = allowRemoteClients;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith(LiveReloadController.PATH) || !"GET".equals(request.getMethod())
				|| (!this.allowRemoteClients && !LoopbackClients.isLoopback(request.getRemoteAddr()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String src = HtmlUtils.htmlEscape(request.getContextPath() + LiveReloadController.SCRIPT);
		ScriptInjectingResponse wrapped = new ScriptInjectingResponse(response,
				"<script src=\"" + src + "\" defer></script>");
		chain.doFilter(request, wrapped);
		if (request.isAsyncStarted()) {
			// Written later, as it comes: without the script.
			wrapped.release();
			return;
		}
		wrapped.finish();
	}

}
