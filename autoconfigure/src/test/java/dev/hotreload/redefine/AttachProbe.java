package dev.hotreload.redefine;

import java.lang.instrument.Instrumentation;

/**
 * Started in a JVM of its own by {@link InstrumentationAccessTests}: looks for an
 * instrumentation as hot reload does and prints whether it got one.
 */
public final class AttachProbe {

	private AttachProbe() {
	}

	/**
	 * Look for an instrumentation.
	 * @param args unused
	 */
	public static void main(String[] args) {
		Instrumentation instrumentation = new InstrumentationAccess(true).instrumentation();
		System.out.println("instrumentation available: " + (instrumentation != null));
	}

}
