package dev.hotreload.autoconfigure;

import java.util.List;

import dev.hotreload.access.LoopbackOnlyFilter;
import dev.hotreload.browser.LiveReloadController;
import dev.hotreload.browser.LiveReloadEvents;
import dev.hotreload.browser.LiveReloadScriptFilter;
import dev.hotreload.history.ReloadHistory;
import dev.hotreload.refresh.PendingRefresh;
import dev.hotreload.reload.HotReloadEngine;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Auto-configuration of live reload: every HTML page loads a script that reloads it once
 * a change applied and shows a failed change's error over it. It applies when hot reload
 * is on, in a Spring MVC servlet application, unless
 * {@code hotreload.live-reload.enabled} is false.
 */
@AutoConfiguration(after = HotReloadAutoConfiguration.class)
@ConditionalOnClass(SseEmitter.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnBean(HotReloadEngine.class)
@ConditionalOnBooleanProperty(name = "hotreload.live-reload.enabled", matchIfMissing = true)
public final class HotReloadLiveReloadAutoConfiguration {

	@Bean
	LiveReloadEvents hotReloadLiveReloadEvents(ReloadHistory hotReloadHistory) {
		LiveReloadEvents events = new LiveReloadEvents(hotReloadHistory);
		hotReloadHistory.addListener(events);
		return events;
	}

	@Bean
	LiveReloadController hotReloadLiveReloadController(LiveReloadEvents hotReloadLiveReloadEvents,
			HotReloadEngine hotReloadEngine, PendingRefresh hotReloadPendingRefresh) {
		return new LiveReloadController(hotReloadLiveReloadEvents, hotReloadEngine, hotReloadPendingRefresh);
	}

	@Bean
	FilterRegistrationBean<LiveReloadScriptFilter> hotReloadLiveReloadScriptFilter(Environment environment) {
		FilterRegistrationBean<LiveReloadScriptFilter> registration = new FilterRegistrationBean<>(
				new LiveReloadScriptFilter(allowRemoteClients(environment)));
		registration.setName("hotReloadLiveReloadScriptFilter");
		// Outside every filter that may compress or rewrite the page.
		registration.setOrder(LoopbackOnlyFilter.ORDER + 1);
		return registration;
	}

	// The script and the stream answer the same clients as the endpoint.
	@Bean
	@ConditionalOnBooleanProperty(name = EndpointLoopbackOnlyFilter.ALLOW_REMOTE_CLIENTS, havingValue = false,
			matchIfMissing = true)
	FilterRegistrationBean<LoopbackOnlyFilter> hotReloadLiveReloadLoopbackOnlyFilter(Environment environment) {
		String page = environment.getProperty(LiveReloadController.PAGE_PATH_PROPERTY,
				LiveReloadController.DEFAULT_PAGE_PATH);
		LoopbackOnlyFilter filter = new LoopbackOnlyFilter(() -> List.of(LiveReloadController.PATH, page),
				EndpointLoopbackOnlyFilter.ALLOW_REMOTE_CLIENTS);
		FilterRegistrationBean<LoopbackOnlyFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setName("hotReloadLiveReloadLoopbackOnlyFilter");
		registration.setOrder(LoopbackOnlyFilter.ORDER);
		return registration;
	}

	private static boolean allowRemoteClients(Environment environment) {
		return environment.getProperty(EndpointLoopbackOnlyFilter.ALLOW_REMOTE_CLIENTS, Boolean.class, false);
	}

}
