package dev.hotreload.web;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import dev.hotreload.ReloadRecord;
import dev.hotreload.proxy.Generation;
import dev.hotreload.reload.SwitchParticipant;

import org.springframework.util.Assert;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/**
 * The prepared change of a controller's request mappings for one reload: which mappings
 * to unregister and which to register for the new generation's handler, in each mapping
 * concerned. Nothing is visible until {@link #apply()}; {@link #rollback()} brings back
 * the previous registrations.
 */
final class ControllerSwitch implements SwitchParticipant.Prepared {

	private final ControllerMappings owner;

	private final String beanName;

	private final Object handler;

	private final List<Change> changes;

	private final MappingDiff diff;

	private final Deque<Change> applied = new ArrayDeque<>();

	ControllerSwitch(ControllerMappings owner, String beanName, Object handler, List<Change> changes,
			MappingDiff diff) {
		this.owner = owner;
		this.beanName = beanName;
		this.handler = handler;
		this.changes = List.copyOf(changes);
		this.diff = diff;
	}

	String beanName() {
		return this.beanName;
	}

	Object handler() {
		return this.handler;
	}

	/**
	 * Replace the bean's registrations with those of the new generation, in each mapping
	 * as one step that requests do not see half done.
	 * @throws MappingConflictException if a new mapping is already taken, after bringing
	 * back the previous registrations
	 */
	@Override
	public void apply() {
		Assert.state(this.applied.isEmpty(), "Already applied");
		for (Change change : this.changes) {
			try {
				change.mappings().atomically(() -> change.apply(this.handler));
			}
			catch (IllegalStateException ex) {
				rollback();
				throw MappingConflictException.of(this.beanName, ex);
			}
			this.applied.push(change);
		}
	}

	/**
	 * Bring back the registrations that were live before {@link #apply()}.
	 */
	@Override
	public void rollback() {
		while (!this.applied.isEmpty()) {
			Change change = this.applied.pop();
			change.mappings().atomically(change::revert);
		}
	}

	@Override
	public void commit(Generation previous) {
		this.owner.committed(this, previous.instance().getClass().getClassLoader());
	}

	@Override
	public ReloadRecord.MappingReport mappings() {
		return new ReloadRecord.MappingReport(this.diff.added(), this.diff.removed(), this.diff.changed());
	}

	/**
	 * The registrations of one bean in one mapping, before and after.
	 *
	 * @param mappings the mapping
	 * @param live the registrations to replace
	 * @param next the new generation's mappings by handler method
	 */
	record Change(RequestMappings mappings, Map<RequestMappingInfo, HandlerMethod> live,
			Map<Method, RequestMappingInfo> next) {

		// Registers the new mappings, or leaves the previous ones when one cannot be
		// registered; runs under the registry's write lock.
		void apply(Object handler) {
			this.live.keySet().forEach(this.mappings::unregister);
			Deque<RequestMappingInfo> registered = new ArrayDeque<>();
			try {
				this.next.forEach((method, info) -> {
					this.mappings.register(info, handler, method);
					registered.push(info);
				});
			}
			catch (RuntimeException ex) {
				registered.forEach(this.mappings::unregister);
				restoreLive();
				throw ex;
			}
		}

		void revert() {
			this.next.values().forEach(this.mappings::unregister);
			restoreLive();
		}

		private void restoreLive() {
			this.live.forEach((info, handlerMethod) -> this.mappings.register(info, handlerMethod.getBean(),
					handlerMethod.getMethod()));
		}

	}

}
