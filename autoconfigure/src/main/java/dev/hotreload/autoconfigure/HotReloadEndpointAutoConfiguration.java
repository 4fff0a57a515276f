package dev.hotreload.autoconfigure;

import dev.hotreload.HotReloader;
import dev.hotreload.access.LoopbackOnlyFilter;
import dev.hotreload.access.RemoteClientsWarning;
import dev.hotreload.actuate.HotReloadEndpoint;
import dev.hotreload.actuate.HotReloadEndpointWebExtension;
import dev.hotreload.refresh.PendingRefresh;
import dev.hotreload.reload.HotReloadEngine;
import dev.hotreload.web.BeanRequestMappings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the {@code hotreload} actuator endpoint. It exists only when hot
 * reload is on, and answers loopback clients only unless
 * {@code hotreload.endpoint.allow-remote-clients} is true.
 */
@AutoConfiguration(after = HotReloadAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(HotReloadEngine.class)
@ConditionalOnAvailableEndpoint(HotReloadEndpoint.class)
public final class HotReloadEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	HotReloadEndpoint hotReloadEndpoint(HotReloader hotReloader, PendingRefresh hotReloadPendingRefresh,
			ObjectProvider<BeanRequestMappings> requestMappings) {
		return new HotReloadEndpoint(hotReloader, hotReloadPendingRefresh,
				requestMappings.getIfAvailable(() -> BeanRequestMappings.NONE));
	}

	@Bean
	@ConditionalOnMissingBean
	HotReloadEndpointWebExtension hotReloadEndpointWebExtension(HotReloadEndpoint hotReloadEndpoint) {
		return new HotReloadEndpointWebExtension(hotReloadEndpoint);
	}

	@Bean
	@ConditionalOnBooleanProperty(EndpointLoopbackOnlyFilter.ALLOW_REMOTE_CLIENTS)
	static RemoteClientsWarning hotReloadEndpointRemoteClientsWarning() {
		return new RemoteClientsWarning(EndpointLoopbackOnlyFilter.ALLOW_REMOTE_CLIENTS, "the hotreload endpoint");
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(name = "org.springframework.web.filter.OncePerRequestFilter")
	@ConditionalOnManagementPort(ManagementPortType.SAME)
	@ConditionalOnBooleanProperty(name = EndpointLoopbackOnlyFilter.ALLOW_REMOTE_CLIENTS, havingValue = false,
			matchIfMissing = true)
	static class LoopbackOnlyConfiguration {

		@Bean
		FilterRegistrationBean<LoopbackOnlyFilter> hotReloadEndpointLoopbackOnlyFilter(
				ObjectProvider<PathMappedEndpoints> endpoints) {
			return EndpointLoopbackOnlyFilter.registration(endpoints);
		}

	}

}
