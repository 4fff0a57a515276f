package dev.hotreload.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Servlet filter that answers 403 to a request for one of the given paths, or anything
 * below them, unless it comes from a {@link LoopbackClients loopback client}. The client
 * is the remote address of the request, as the connection or a forwarded-headers strategy
 * of the server set it; headers are not read here.
 */
public class LoopbackOnlyFilter extends OncePerRequestFilter {

	/**
	 * The order of the filter: after Spring's {@code ForwardedHeaderFilter}, before
	 * Spring Security's filter chain.
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	private static final Log logger = LogFactory.getLog(LoopbackOnlyFilter.class);

	private final Supplier<List<PathPattern>> patterns;

	private final String optInProperty;

	/**
	 * Create the filter.
	 * @param paths the paths to keep for loopback clients, such as
	 * {@code /actuator/hotreload}, within the application (without the servlet context
	 * path); asked for once, at the first request
	 * @param optInProperty the property that lets other clients in, named in the answer
	 * they get
	 */
	public LoopbackOnlyFilter(Supplier<? extends Collection<String>> paths, String optInProperty) {
		Assert.notNull(paths, "'paths' must not be null");
		Assert.hasText(optInProperty, "'optInProperty' must not be empty");
		this.patterns = SingletonSupplier.of(() -> parse(paths.get()));
		this.optInProperty = optInProperty;
	}

	private static List<PathPattern> parse(Collection<String> paths) {
		return paths.stream()
			.map(LoopbackOnlyFilter::withSubPaths)
			.map(PathPatternParser.defaultInstance::parse)
			.toList();
	}

	private static String withSubPaths(String path) {
		return (path.endsWith("/") ? path : path + "/") + "**";
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String client = request.getRemoteAddr();
		if (LoopbackClients.isLoopback(client) || !matches(request)) {
			chain.doFilter(request, response);
			return;
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Refused " + request.getMethod() + " " + request.getRequestURI() + " from " + client);
		}
		response.setStatus(HttpStatus.FORBIDDEN.value());
		response.setContentType(MediaType.TEXT_PLAIN_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8);
		response.getWriter()
			.print("Forbidden: hot reload answers only clients on this machine's loopback address (127.0.0.1, ::1); "
					+ "this request came from " + client + ". Set " + this.optInProperty
					+ "=true to let other clients in.\n");
	}

	private boolean matches(HttpServletRequest request) {
		PathContainer path = pathWithinApplication(request);
		for (PathPattern pattern : this.patterns.get()) {
			if (pattern.matches(path)) {
				return true;
			}
		}
		return false;
	}

	// Parsed as Spring MVC parses it for its own mappings (decoded, without path
	// parameters), so that both see the same path.
	private static PathContainer pathWithinApplication(HttpServletRequest request) {
		if (ServletRequestPathUtils.hasParsedRequestPath(request)) {
			return ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication();
		}
		RequestPath path = ServletRequestPathUtils.parseAndCache(request);
		ServletRequestPathUtils.clearParsedRequestPath(request);
		return path.pathWithinApplication();
	}

}
