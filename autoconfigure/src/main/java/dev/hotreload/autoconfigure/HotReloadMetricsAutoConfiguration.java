package dev.hotreload.autoconfigure;

import dev.hotreload.HotReloader;
import dev.hotreload.history.ReloadHistory;
import dev.hotreload.metrics.ReloadMetrics;
import dev.hotreload.reload.HotReloadEngine;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of hot reload's Micrometer metrics, bound to every meter registry of
 * the application (see {@code /actuator/metrics}). It applies when hot reload is on and
 * Micrometer is present.
 */
@AutoConfiguration(after = HotReloadAutoConfiguration.class)
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnBean(HotReloadEngine.class)
public final class HotReloadMetricsAutoConfiguration {

	@Bean
	ReloadMetrics hotReloadMetrics(HotReloader hotReloader, ReloadHistory hotReloadHistory) {
		return new ReloadMetrics(hotReloader, hotReloadHistory);
	}

}
