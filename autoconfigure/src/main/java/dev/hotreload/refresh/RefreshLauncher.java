package dev.hotreload.refresh;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;

/**
 * The thread that runs the application's {@code main} method on a
 * {@link RefreshClassLoader}, named "refreshedMain". Like the JVM's main thread, it ends
 * when {@code main} returns, which for a Spring Boot application is once the context is
 * ready.
 */
final class RefreshLauncher extends Thread {

	private final String mainClassName;

	private final String[] args;

	private volatile @Nullable Throwable error;

	RefreshLauncher(RefreshClassLoader classLoader, String mainClassName, String[] args) {
		super("refreshedMain");
		this.mainClassName = mainClassName;
		this.args = args.clone();
		setDaemon(false);
		setContextClassLoader(classLoader);
	}

	@Override
	public void run() {
		try {
			Class<?> mainClass = Class.forName(this.mainClassName, false, getContextClassLoader());
			Method main = mainClass.getDeclaredMethod("main", String[].class);
			main.setAccessible(true);
			main.invoke(null, new Object[] { this.args.clone() });
		}
		catch (InvocationTargetException ex) {
			this.error = (ex.getTargetException() != null) ? ex.getTargetException() : ex;
		}
		catch (Throwable ex) {
			this.error = ex;
		}
	}

	/**
	 * Return why {@code main} failed.
	 * @return what {@code main} threw, or {@code null} if it returned
	 */
	@Nullable Throwable error() {
		return this.error;
	}

}
