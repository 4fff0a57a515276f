package dev.hotreload.actuate;

import dev.hotreload.ReloadRecord;

import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;
import org.springframework.util.Assert;

/**
 * Web extension of the {@link HotReloadEndpoint}, so that reloading an unknown bean
 * answers 404 over HTTP.
 */
@EndpointWebExtension(endpoint = HotReloadEndpoint.class)
public class HotReloadEndpointWebExtension {

	private final HotReloadEndpoint delegate;

	/**
	 * Create the extension.
	 * @param delegate the endpoint
	 */
	public HotReloadEndpointWebExtension(HotReloadEndpoint delegate) {
		Assert.notNull(delegate, "'delegate' must not be null");
		this.delegate = delegate;
	}

	/**
	 * Reload one bean now.
	 * @param name the bean's name
	 * @return the record of the reload, or 404 if no reloadable bean has that name
	 */
	@WriteOperation
	public WebEndpointResponse<ReloadRecord> reload(@Selector String name) {
		ReloadRecord record = this.delegate.reload(name);
		return (record != null) ? new WebEndpointResponse<>(record)
				: new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
	}

}
