package dev.hotreload.reload;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

import dev.hotreload.proxy.Generation;
import dev.hotreload.proxy.ReloadableTarget;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.Assert;

/**
 * The {@link SwitchParticipant switch participants} of the application, looked up at each
 * reload, seen by the reloader as one.
 */
final class SwitchParticipants {

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

	private static final class All implements SwitchParticipant.Prepared {

		private final List<SwitchParticipant.Prepared> prepared;

		private final Deque<SwitchParticipant.Prepared> applied = new ArrayDeque<>();

		All(List<SwitchParticipant.Prepared> prepared) {
			this.prepared = prepared;
		}

		@Override
		public void apply() throws Exception {
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

		@Override
		public void commit(Generation previous) {
			this.prepared.forEach((change) -> change.commit(previous));
		}

		@Override
		public String summary() {
			return this.prepared.stream()
				.map(SwitchParticipant.Prepared::summary)
				.filter((summary) -> !summary.isEmpty())
				.collect(Collectors.joining("; "));
		}

	}

}
