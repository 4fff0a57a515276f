package dev.hotreload.resources;

import java.util.List;
import java.util.ResourceBundle;

import dev.hotreload.watch.ChangedFile;
import dev.hotreload.watch.ChangedFiles;
import dev.hotreload.watch.FileChangeListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.util.Assert;

/**
 * Has the message source read a changed {@code messages*.properties} again at its next
 * message: empties the JDK's cache of resource bundles for the application's class
 * loader, and the cache of a {@link ReloadableResourceBundleMessageSource}. So an edit
 * applies at once, whatever the file's modification time says.
 */
public final class MessageBundleChanges implements FileChangeListener {

	private static final Log logger = LogFactory.getLog(MessageBundleChanges.class);

	private final ConfigurableApplicationContext context;

	private final MessageBundles bundles;

	/**
	 * Create the listener of a context.
	 * @param context the application context
	 */
	public MessageBundleChanges(ConfigurableApplicationContext context) {
		Assert.notNull(context, "'context' must not be null");
		this.context = context;
		this.bundles = MessageBundles.of(context.getEnvironment());
	}

	@Override
	public void onChange(ChangedFiles changes) {
		List<String> changed = changes.files()
			.stream()
			.filter((file) -> this.bundles.isBundle(file.root(), file.path()))
			.map(ChangedFile::relativeName)
			.toList();
		if (changed.isEmpty()) {
			return;
		}
		ClassLoader classLoader = this.context.getBeanFactory().getBeanClassLoader();
		if (classLoader != null) {
			ResourceBundle.clearCache(classLoader);
		}
		if (this.context.getBeanProvider(MessageSource.class)
			.getIfAvailable() instanceof ReloadableResourceBundleMessageSource reloadable) {
			reloadable.clearCache();
		}
		logger.debug("Message bundles " + changed + " changed: the message source reads them again");
	}

}
