package dev.hotreload.reload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.hotreload.ReloadRecord.FieldReport;
import dev.hotreload.StatePolicy;
import dev.hotreload.proxy.Generation;
import dev.hotreload.proxy.ReloadableTarget;
import dev.hotreload.state.StateTransfer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.SmartLifecycle;

/**
 * The switch of {@link StatePolicy#KEEP}. New calls are held and the calls in flight
 * drain; then, in this order:
 * <ol>
 * <li>if the bean owns resources (it has destroy callbacks: {@code @PreDestroy},
 * {@code DisposableBean}, {@code AutoCloseable}, or is a running {@code SmartLifecycle}),
 * the old instance is stopped and destroyed, so that its threads, schedules and
 * connections end and its fields hold their final values;</li>
 * <li>the old instance's fields are carried into the new one;</li>
 * <li>if the old instance's callbacks ran, the new instance's init callbacks run
 * ({@code @PostConstruct}, {@code InitializingBean}, custom init methods, then
 * {@code SmartLifecycle.start()}), so that what they start goes on from the carried
 * state;</li>
 * <li>the new instance's {@code @AfterReload} methods run;</li>
 * </ol>
 * and the new generation serves the held calls. A bean without destroy callbacks runs
 * none of its callbacks, since its init would only set up state that is carried. If a
 * step after the old instance's destroy callbacks fails, the new instance is destroyed
 * and the old one's init callbacks run again, since it keeps serving.
 */
final class KeepSwitch implements GenerationSwitch {

	private static final Log logger = LogFactory.getLog(KeepSwitch.class);

	private final ConfigurableListableBeanFactory beanFactory;

	private final GenerationFactory generationFactory;

	private final GenerationDestruction destruction;

	private final Duration drainTimeout;

	KeepSwitch(ConfigurableListableBeanFactory beanFactory, GenerationFactory generationFactory,
			GenerationDestruction destruction, Duration drainTimeout) {
		this.beanFactory = beanFactory;
		this.generationFactory = generationFactory;
		this.destruction = destruction;
		this.drainTimeout = drainTimeout;
	}

	@Override
	public SwitchReport apply(ReloadableTarget target, Generation next, Runnable claim) throws Exception {
		StateTransfer transfer = new StateTransfer(new InjectedFields(next.instance(), this.beanFactory));
		HandedOver handedOver = new HandedOver();
		String beanName = target.beanName();
		int stillRunning = target.replace(next, this.drainTimeout, (previous, current, running) -> {
			if (running > 0) {
				String note = running + " call(s) still ran on generation " + previous.number()
						+ " when its state was carried to generation " + current.number()
						+ " after the drain timeout of " + DurationStyle.SIMPLE.print(this.drainTimeout)
						+ "; what they write from now on is lost";
				logger.warn("Reload of '" + beanName + "': " + note);
				handedOver.notes.add(note);
			}
			Object old = previous.instance();
			boolean wasRunning = old instanceof SmartLifecycle lifecycle && lifecycle.isRunning();
			boolean cycle = wasRunning || this.generationFactory.hasDestroyCallbacks(old);
			if (cycle) {
				stop(old, wasRunning);
			}
			try {
				handedOver.fields = transfer.transfer(old, current.instance());
				if (cycle) {
					start(beanName, current.instance(), wasRunning);
				}
				AfterReloadMethods.invoke(current.instance(), old);
				claim.run();
			}
			catch (Exception | LinkageError ex) {
				if (cycle) {
					recover(beanName, old, current.instance(), wasRunning);
				}
				throw ex;
			}
			if (cycle) {
				handedOver.notes.add("destroy callbacks of generation " + previous.number()
						+ " ran after the drain, init callbacks of generation " + current.number()
						+ " after the state was carried");
			}
		});
		return new SwitchReport(handedOver.fields, stillRunning, handedOver.notes);
	}

	private void stop(Object instance, boolean running) {
		if (running) {
			((SmartLifecycle) instance).stop();
		}
		this.destruction.destroy(instance);
	}

	private void start(String beanName, Object instance, boolean running) throws Exception {
		this.generationFactory.initialize(beanName, instance);
		if (running && instance instanceof SmartLifecycle lifecycle) {
			lifecycle.start();
		}
	}

	// The old instance keeps serving: what its destroy callbacks stopped starts again.
	private void recover(String beanName, Object old, Object next, boolean running) {
		this.destruction.destroy(next);
		try {
			start(beanName, old, running);
		}
		catch (Exception | LinkageError ex) {
			logger.warn("Init callbacks of '" + beanName + "' failed while it went back to the previous generation",
					ex);
		}
	}

	private static final class HandedOver {

		private FieldReport fields = FieldReport.NONE;

		private final List<String> notes = new ArrayList<>();

	}

}
