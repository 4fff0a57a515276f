package dev.hotreload.access;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.util.Assert;

/**
 * Logs one warning once the application's singletons are ready, when it lets clients
 * other than loopback ones call what hot reload serves.
 */
public class RemoteClientsWarning implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(RemoteClientsWarning.class);

	private final String optInProperty;

	private final String what;

	/**
	 * Create the warning.
	 * @param optInProperty the property that let other clients in
	 * @param what what answers them, such as {@code the hotreload endpoint}
	 */
	public RemoteClientsWarning(String optInProperty, String what) {
		Assert.hasText(optInProperty, "'optInProperty' must not be empty");
		Assert.hasText(what, "'what' must not be empty");
		this.optInProperty = optInProperty;
		this.what = what;
	}

	@Override
	public void afterSingletonsInstantiated() {
		logger.warn(this.optInProperty + "=true: " + this.what + " answers every client that reaches its port, "
				+ "from any machine, and can reload beans and restart the application");
	}

}
