package dev.hotreload.autoconfigure;

import java.util.List;

import dev.hotreload.access.LoopbackOnlyFilter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/**
 * Builds the registration of the filter that keeps the {@code hotreload} endpoint for
 * loopback clients, at the path actuator maps it to.
 */
final class EndpointLoopbackOnlyFilter {

	static final String ALLOW_REMOTE_CLIENTS = "hotreload.endpoint.allow-remote-clients";

	private static final EndpointId ENDPOINT_ID = EndpointId.of("hotreload");

	private EndpointLoopbackOnlyFilter() {
	}

	static FilterRegistrationBean<LoopbackOnlyFilter> registration(ObjectProvider<PathMappedEndpoints> endpoints) {
		LoopbackOnlyFilter filter = new LoopbackOnlyFilter(() -> endpointPath(endpoints), ALLOW_REMOTE_CLIENTS);
		FilterRegistrationBean<LoopbackOnlyFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setName("hotReloadEndpointLoopbackOnlyFilter");
		registration.setOrder(LoopbackOnlyFilter.ORDER);
		return registration;
	}

	private static List<String> endpointPath(ObjectProvider<PathMappedEndpoints> endpoints) {
		PathMappedEndpoints mapped = endpoints.getIfAvailable();
		String path = (mapped != null) ? mapped.getPath(ENDPOINT_ID) : null;
		return (path != null) ? List.of(path) : List.of();
	}

}
