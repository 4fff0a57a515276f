package dev.hotreload.reload;

import java.time.Duration;

import dev.hotreload.ReloadRecord.FieldReport;
import dev.hotreload.StatePolicy;
import dev.hotreload.proxy.Generation;
import dev.hotreload.proxy.ReloadableTarget;
import dev.hotreload.state.StateTransfer;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * The switch of {@link StatePolicy#KEEP}: new calls are held, the calls in flight drain,
 * the old instance's fields are carried into the new one, its {@code @AfterReload}
 * methods run, and then the new generation serves the held calls.
 */
final class KeepSwitch implements GenerationSwitch {

	private final ConfigurableListableBeanFactory beanFactory;

	private final Duration drainTimeout;

	KeepSwitch(ConfigurableListableBeanFactory beanFactory, Duration drainTimeout) {
		this.beanFactory = beanFactory;
		this.drainTimeout = drainTimeout;
	}

	@Override
	public SwitchReport apply(ReloadableTarget target, Generation next) throws Exception {
		StateTransfer transfer = new StateTransfer(new InjectedFields(next.instance(), this.beanFactory));
		HandedOver handedOver = new HandedOver();
		int stillRunning = target.replace(next, this.drainTimeout, (previous, current, running) -> {
			handedOver.fields = transfer.transfer(previous.instance(), current.instance());
			AfterReloadMethods.invoke(current.instance(), previous.instance());
		});
		return new SwitchReport(handedOver.fields, stillRunning);
	}

	private static final class HandedOver {

		private FieldReport fields = FieldReport.NONE;

	}

}
