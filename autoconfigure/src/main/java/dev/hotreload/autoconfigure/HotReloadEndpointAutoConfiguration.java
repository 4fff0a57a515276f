package dev.hotreload.autoconfigure;

import dev.hotreload.HotReloader;
import dev.hotreload.actuate.HotReloadEndpoint;
import dev.hotreload.actuate.HotReloadEndpointWebExtension;
import dev.hotreload.reload.HotReloadEngine;
import dev.hotreload.reload.PendingRefresh;
import dev.hotreload.web.BeanRequestMappings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code hotreload} actuator endpoint. It exists only when hot
 * reload is on.
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

}
