package dev.hotreload.reload;

import dev.hotreload.StatePolicy;
import dev.hotreload.proxy.Generation;
import dev.hotreload.proxy.ReloadableTarget;

/**
 * Switches a bean's proxy to a new generation, in the way of one {@link StatePolicy}.
 */
interface GenerationSwitch {

	/**
	 * Make the new generation the one that serves the calls. If this throws, the previous
	 * generation keeps serving.
	 * @param target the bean's target
	 * @param next the new generation, built but not serving yet
	 * @param claim called right before the new generation takes over; it throws when the
	 * attempt was abandoned, and the previous generation then keeps serving
	 * @return what the switch did
	 * @throws Exception if the new generation cannot take over
	 */
	SwitchReport apply(ReloadableTarget target, Generation next, Runnable claim) throws Exception;

}
