package dev.hotreload.actuate;

import dev.hotreload.actuate.HotReloadEndpoint.BeanDescriptor;
import dev.hotreload.actuate.HotReloadEndpoint.ReloadDescriptor;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * Web extension of the {@link HotReloadEndpoint}: reloading an unknown bean answers 404,
 * and the bean is always the one the path names. Actuator binds query parameters and body
 * fields over path variables of the same name, so a request such as
 * {@code POST /actuator/hotreload/a?name=b} is refused with 400 instead of reaching
 * {@code b}, which a security rule written for the path would not expect.
 */
@EndpointWebExtension(endpoint = HotReloadEndpoint.class)
public class HotReloadEndpointWebExtension {

	private static final boolean SERVLET_PRESENT = ClassUtils.isPresent(
			"org.springframework.web.context.request.ServletRequestAttributes",
			HotReloadEndpointWebExtension.class.getClassLoader());

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
	 * Report on one reloadable bean.
	 * @param name the bean's name, from the path
	 * @return the report, 404 if no reloadable bean has that name, or 400 if the request
	 * names another bean than its path
	 */
	@ReadOperation
	public WebEndpointResponse<BeanDescriptor> bean(@Selector String name) {
		if (!namedByPath(name)) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_BAD_REQUEST);
		}
		BeanDescriptor bean = this.delegate.bean(name);
		return (bean != null) ? new WebEndpointResponse<>(bean)
				: new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
	}

	/**
	 * Reload one bean now.
	 * @param name the bean's name, from the path
	 * @return the record of the reload, 404 if no reloadable bean has that name, or 400
	 * if the request names another bean than its path
	 */
	@WriteOperation
	public WebEndpointResponse<ReloadDescriptor> reload(@Selector String name) {
		if (!namedByPath(name)) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_BAD_REQUEST);
		}
		ReloadDescriptor record = this.delegate.reload(name);
		return (record != null) ? new WebEndpointResponse<>(record)
				: new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
	}

	// On a servlet stack the request is at hand: its last path segment must be the name
	// that was bound.
	private static boolean namedByPath(String name) {
		String segment = lastPathSegment();
		return segment == null || segment.equals(name);
	}

	private static @Nullable String lastPathSegment() {
		return SERVLET_PRESENT ? ServletRequestPath.lastSegment() : null;
	}

}
