package dev.hotreload.autoconfigure;

import dev.hotreload.access.LoopbackOnlyFilter;
import dev.hotreload.actuate.HotReloadEndpoint;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Configuration of the management server's own context, when actuator runs on a port of
 * its own: the {@code hotreload} endpoint answers loopback clients only there too.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.filter.OncePerRequestFilter")
@ConditionalOnBean(HotReloadEndpoint.class)
@ConditionalOnBooleanProperty(name = EndpointLoopbackOnlyFilter.ALLOW_REMOTE_CLIENTS, havingValue = false,
		matchIfMissing = true)
public final class HotReloadEndpointChildContextConfiguration {

	@Bean
	FilterRegistrationBean<LoopbackOnlyFilter> hotReloadEndpointLoopbackOnlyFilter(
			ObjectProvider<PathMappedEndpoints> endpoints) {
		return EndpointLoopbackOnlyFilter.registration(endpoints);
	}

}
