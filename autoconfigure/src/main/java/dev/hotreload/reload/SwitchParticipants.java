package dev.hotreload.reload;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import dev.hotreload.ReloadRecord;
import dev.hotreload.proxy.Generation;
import dev.hotreload.proxy.ReloadableTarget;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.Assert;

/**
 * The {@link SwitchParticipant switch participants} of the application, looked up at each
 * reload, seen by the reloader as one.
 */
final class SwitchParticipants {

	private static final Log logger = LogFactory.getLog(SwitchParticipants.class);

	private final ObjectProvider<SwitchParticipant> participants;

	SwitchParticipants(ObjectProvider<SwitchParticipant> participants) {
		Assert.notNull(participants, "'participants' must not be null");
		this.participants = participants;
	}

	/**
	 * Let every participant prepare the switch of a bean.
	 * @param target the bean's target
	 * @param next the generation about to take over
	 * @return the prepared changes, as one
	 * @throws Exception what a participant threw, after the others were rolled back
	 */
	SwitchParticipant.Prepared prepare(ReloadableTarget target, Generation next) throws Exception {
		List<SwitchParticipant.Prepared> prepared = new ArrayList<>();
		try {
			for (SwitchParticipant participant : this.participants.orderedStream().toList()) {
				SwitchParticipant.Prepared change = participant.prepare(target, next);
				if (change != null) {
					prepared.add(change);
				}
			}
		}
		catch (Exception | LinkageError ex) {
			prepared.forEach(SwitchParticipant.Prepared::rollback);
			throw ex;
		}
		return new All(prepared);
	}

	/**
	 * Tell whether a participant calls a method of a bean and follows its new class.
	 * @param beanName the bean's name
	 * @param method a method of the bean's original class
	 * @return whether a participant follows the new class for it
	 */
	boolean followNewClass(String beanName, Method method) {
		return this.participants.orderedStream()
			.anyMatch((participant) -> participant.followsNewClass(beanName, method));
	}

	private static final class All implements SwitchParticipant.Prepared {

		private final List<SwitchParticipant.Prepared> prepared;

		private final Deque<SwitchParticipant.Prepared> applied = new ArrayDeque<>();

		All(List<SwitchParticipant.Prepared> prepared) {
			this.prepared = prepared;
		}

		@Override
		public void apply() {
			for (SwitchParticipant.Prepared change : this.prepared) {
				change.apply();
				this.applied.push(change);
			}
		}

		@Override
		public void rollback() {
			for (SwitchParticipant.Prepared change : this.prepared) {
				if (!this.applied.contains(change)) {
					change.rollback();
				}
			}
			while (!this.applied.isEmpty()) {
				this.applied.pop().rollback();
			}
		}

		// The new generation already serves: a participant that cannot finish is logged,
		// not allowed to fail the reload.
		@Override
		public void commit(Generation previous) {
			for (SwitchParticipant.Prepared change : this.prepared) {
				try {
					change.commit(previous);
				}
				catch (RuntimeException ex) {
					logger.warn("A switch participant could not finish after the switch", ex);
				}
			}
		}

		@Override
		public ReloadRecord.MappingReport mappings() {
			List<String> added = new ArrayList<>();
			List<String> removed = new ArrayList<>();
			List<String> changed = new ArrayList<>();
			for (SwitchParticipant.Prepared change : this.prepared) {
				ReloadRecord.MappingReport mappings = change.mappings();
				added.addAll(mappings.added());
				removed.addAll(mappings.removed());
				changed.addAll(mappings.changed());
			}
			return new ReloadRecord.MappingReport(added, removed, changed);
		}

	}

}
