package dev.hotreload.actuate;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Reads the path of the servlet request being handled; kept apart so that the endpoint
 * loads no servlet class where Spring Web is absent.
 */
final class ServletRequestPath {

	private ServletRequestPath() {
	}

	static @Nullable String lastSegment() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (!(attributes instanceof ServletRequestAttributes servletAttributes)) {
			return null;
		}
		String path = servletAttributes.getRequest().getRequestURI();
		while (path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		return URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
	}

}
