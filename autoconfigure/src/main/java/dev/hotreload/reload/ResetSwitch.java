package dev.hotreload.reload;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.hotreload.ReloadRecord.FieldReport;
import dev.hotreload.StatePolicy;
import dev.hotreload.proxy.Generation;
import dev.hotreload.proxy.ReloadableTarget;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.ReflectionUtils;

/**
 * The switch of {@link StatePolicy#RESET}: the new instance, initialized by the bean
 * factory, has its {@code @AfterReload} methods run and takes over at once; the old
 * instance is destroyed once its calls have drained.
 */
final class ResetSwitch implements GenerationSwitch {

	private static final Log logger = LogFactory.getLog(ResetSwitch.class);

	private final GenerationDestruction destruction;

	private final Duration drainTimeout;

	ResetSwitch(GenerationDestruction destruction, Duration drainTimeout) {
		this.destruction = destruction;
		this.drainTimeout = drainTimeout;
	}

	@Override
	public SwitchReport apply(ReloadableTarget target, Generation next, Runnable claim) throws Exception {
		Generation previous = target.current();
		try {
			AfterReloadMethods.invoke(next.instance(), previous.instance());
			claim.run();
		}
		catch (Exception | LinkageError ex) {
			// The new instance went through its init callbacks but will never serve.
			this.destruction.destroy(next.instance());
			throw ex;
		}
		int stillRunning = target.replaceNow(next, this.drainTimeout);
		if (stillRunning > 0) {
			logger.warn("Destroying generation " + previous.number() + " of '" + target.beanName() + "' while "
					+ stillRunning + " call(s) still run on it after " + this.drainTimeout);
		}
		this.destruction.destroy(previous.instance());
		return new SwitchReport(new FieldReport(List.of(), fieldNames(next.instance().getClass()), List.of()),
				stillRunning);
	}

	private static List<String> fieldNames(Class<?> type) {
		List<String> names = new ArrayList<>();
		ReflectionUtils.doWithFields(type, (field) -> names.add(field.getName()),
				(Field field) -> !Modifier.isStatic(field.getModifiers()) && !field.isSynthetic());
		return names;
	}

}
