package dev.hotreload.reload;

import java.lang.reflect.Method;

import dev.hotreload.ReloadRecord;
import dev.hotreload.proxy.Generation;
import dev.hotreload.proxy.ReloadableTarget;
import org.jspecify.annotations.Nullable;

/**
 * Something outside the bean that must follow its new class when a reload switches it to
 * a new generation, such as the request mappings of a controller. The reloader asks each
 * participant to {@link #prepare prepare} once the new instance is built, applies the
 * prepared changes as the last step before the switch (under
 * {@link dev.hotreload.StatePolicy#KEEP KEEP}, while new calls are held), then commits
 * them, or rolls them back if the reload fails.
 */
public interface SwitchParticipant {

	/**
	 * Prepare for the switch of a bean, without changing what the application sees.
	 * @param target the bean's target, on its current generation
	 * @param next the generation about to take over
	 * @return the change to apply at the switch, or {@code null} if this participant has
	 * nothing to do for the bean
	 * @throws Exception to fail the reload; the current generation keeps serving
	 */
	@Nullable Prepared prepare(ReloadableTarget target, Generation next) throws Exception;

	/**
	 * Tell whether this participant is what calls a method of a bean, and follows the
	 * bean's new class at each reload: Spring MVC calls the handler methods of a
	 * controller, whose registrations are made anew for the new class. The linkage check
	 * then lets the new class remove such a method or change its parameters.
	 * @param beanName the bean's name
	 * @param method a method of the bean's original class
	 * @return whether its caller follows the new class
	 */
	default boolean followsNewClass(String beanName, Method method) {
		return false;
	}

	/**
	 * A change prepared for one switch.
	 */
	interface Prepared {

		/**
		 * Apply the change, as the last step before the new generation takes over.
		 * @throws RuntimeException to fail the reload, after undoing whatever this call
		 * did
		 */
		void apply();

		/**
		 * Undo an applied change, or forget a prepared one, when the reload failed.
		 */
		void rollback();

		/**
		 * Finish the change once the new generation serves calls.
		 * @param previous the generation that was replaced
		 */
		void commit(Generation previous);

		/**
		 * Return what the change does to the bean's request mappings, for the reload's
		 * record and log line.
		 * @return the changed mappings, {@link ReloadRecord.MappingReport#NONE} unless
		 * the participant keeps request mappings
		 */
		default ReloadRecord.MappingReport mappings() {
			return ReloadRecord.MappingReport.NONE;
		}

	}

}
