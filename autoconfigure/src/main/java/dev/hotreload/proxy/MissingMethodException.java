package dev.hotreload.proxy;

/**
 * Thrown when a caller invokes a method that the current generation of a bean no longer
 * has, because it was removed or its signature changed.
 */
public class MissingMethodException extends IllegalStateException {

	private final String beanName;

	private final String method;

	MissingMethodException(String beanName, int generation, Class<?> type, String method) {
		super("Bean '" + beanName + "' has no method " + method + " in generation " + generation + " of "
				+ type.getName() + ": it was removed or its signature changed since the caller was built. "
				+ "Restore the method, or run a full refresh so that callers are rebuilt too");
		this.beanName = beanName;
		this.method = method;
	}

	/**
	 * Return the name of the bean.
	 * @return the bean name
	 */
	public String getBeanName() {
		return this.beanName;
	}

	/**
	 * Return the missing method, as name and parameter types.
	 * @return the method, such as {@code greet(java.lang.String)}
	 */
	public String getMethod() {
		return this.method;
	}

}
