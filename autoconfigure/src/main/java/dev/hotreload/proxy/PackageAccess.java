package dev.hotreload.proxy;

/**
 * Explains the one access failure that hot reload itself causes: a reloaded class lives
 * in its own class loader, hence in another runtime package than the application's
 * classes of the same package name, so package-private access between them fails.
 */
public final class PackageAccess {

	private static final String REMEDY = "reloaded classes live in their own class loader, so package-private "
			+ "access to the application's other classes fails; make the member public or protected, or run a "
			+ "full refresh";

	private PackageAccess() {
	}

	/**
	 * Add the cause and the remedy to the message of an {@link IllegalAccessError}.
	 * @param error the error thrown by a reloaded class
	 * @return the message with the explanation
	 */
	public static String explain(IllegalAccessError error) {
		return error.getMessage() + " (" + REMEDY + ")";
	}

}
