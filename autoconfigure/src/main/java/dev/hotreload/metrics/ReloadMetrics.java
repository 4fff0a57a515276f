package dev.hotreload.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.hotreload.BeanStatus;
import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord;
import dev.hotreload.history.ReloadHistory;
import dev.hotreload.history.ReloadRecordListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.util.Assert;

/**
 * Micrometer metrics of hot reload: a timer {@code hotreload.reloads} of every record,
 * tagged by {@code bean} ({@code none} when no bean is concerned) and {@code outcome}; a
 * gauge {@code hotreload.bean.generation} per reloadable bean; and a gauge
 * {@code hotreload.history.records} of the records the history holds.
 */
public final class ReloadMetrics implements MeterBinder, ReloadRecordListener {

	private static final String NO_BEAN = "none";

	private final HotReloader reloader;

	private final ReloadHistory history;

	private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

	private final Set<String> gaugedBeans = ConcurrentHashMap.newKeySet();

	/**
	 * Create the metrics and start listening to the history.
	 * @param reloader the reloader whose beans are measured
	 * @param history the history whose records are timed
	 */
	public ReloadMetrics(HotReloader reloader, ReloadHistory history) {
		Assert.notNull(reloader, "'reloader' must not be null");
		Assert.notNull(history, "'history' must not be null");
		this.reloader = reloader;
		this.history = history;
		history.addListener(this);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registries.add(registry);
		Gauge.builder("hotreload.history.records", this.history, ReloadHistory::count)
			.description("Reload records the history holds")
			.register(registry);
		this.reloader.reloadableBeans().forEach((beanName) -> gaugeGeneration(registry, beanName));
	}

	@Override
	public void recorded(ReloadRecord record) {
		String bean = (record.bean() != null) ? record.bean() : NO_BEAN;
		for (MeterRegistry registry : this.registries) {
			Timer.builder("hotreload.reloads")
				.description("Reloads, by bean and outcome")
				.tag("bean", bean)
				.tag("outcome", record.outcome().name())
				.register(registry)
				.record(Duration.ofNanos((long) (record.durationMillis() * 1_000_000)));
			if (record.bean() != null) {
				gaugeGeneration(registry, record.bean());
			}
		}
	}

	private void gaugeGeneration(MeterRegistry registry, String beanName) {
		if (!this.gaugedBeans.add(registry.hashCode() + ":" + beanName)) {
			return;
		}
		Gauge.builder("hotreload.bean.generation", this.reloader, (reloader) -> generationOf(reloader, beanName))
			.description("Generation of a reloadable bean that serves its calls")
			.tag("bean", beanName)
			.register(registry);
	}

	private static double generationOf(HotReloader reloader, String beanName) {
		BeanStatus status = reloader.bean(beanName);
		return (status != null) ? status.generation() : Double.NaN;
	}

}
