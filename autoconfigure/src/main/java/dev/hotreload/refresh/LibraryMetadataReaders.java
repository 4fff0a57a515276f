package dev.hotreload.refresh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.UrlResource;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.ConcurrentReferenceHashMap;
import org.springframework.util.ResourceUtils;

/**
 * Keeps what Spring read of the libraries' class files from one run to the next: each run
 * parses hundreds of auto-configuration classes from jars to evaluate them, and the jars
 * are those of the JVM's start, unchanged by a refresh. Replaces the metadata reader
 * factory that Spring Boot shares within a context by one that reads a class from a jar
 * once per JVM, on the base class loader, and a class of the project's directories once
 * per context, on the run's.
 */
final class LibraryMetadataReaders implements BeanDefinitionRegistryPostProcessor {

	// Spring Boot's SharedMetadataReaderFactoryContextInitializer.BEAN_NAME, which the
	// configuration class post-processor is given.
	static final String BEAN_NAME = "org.springframework.boot.autoconfigure.internalCachingMetadataReaderFactory";

	// Softly held: gone when memory runs short, read again then.
	private static final Map<String, MetadataReader> libraries = new ConcurrentReferenceHashMap<>();

	private final ClassLoader baseClassLoader;

	LibraryMetadataReaders(ClassLoader baseClassLoader) {
		Assert.notNull(baseClassLoader, "'baseClassLoader' must not be null");
		this.baseClassLoader = baseClassLoader;
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		if (!registry.containsBeanDefinition(BEAN_NAME)) {
			return;
		}
		ClassLoader runClassLoader = (registry instanceof ConfigurableBeanFactory beanFactory)
				? beanFactory.getBeanClassLoader() : ClassUtils.getDefaultClassLoader();
		ResourceLoader resourceLoader = new DefaultResourceLoader(runClassLoader);
		registry.removeBeanDefinition(BEAN_NAME);
		registry.registerBeanDefinition(BEAN_NAME, new RootBeanDefinition(MetadataReaderFactory.class,
				() -> new Factory(resourceLoader, MetadataReaderFactory.create(this.baseClassLoader))));
	}

	private static final class Factory implements MetadataReaderFactory {

		private final ResourceLoader resourceLoader;

		private final MetadataReaderFactory project;

		private final MetadataReaderFactory library;

		private Factory(ResourceLoader resourceLoader, MetadataReaderFactory library) {
			this.resourceLoader = resourceLoader;
			this.project = new CachingMetadataReaderFactory(resourceLoader);
			this.library = library;
		}

		@Override
		public MetadataReader getMetadataReader(String className) throws IOException {
			Resource resource = this.resourceLoader.getResource(ResourceLoader.CLASSPATH_URL_PREFIX
					+ ClassUtils.convertClassNameToResourcePath(className) + ClassUtils.CLASS_FILE_SUFFIX);
			// A nested class named with a dot is found by the project factory's fallback.
			return resource.exists() ? getMetadataReader(resource) : this.project.getMetadataReader(className);
		}

		@Override
		public MetadataReader getMetadataReader(Resource resource) throws IOException {
			if (!isInJar(resource)) {
				return this.project.getMetadataReader(resource);
			}
			try {
				// By its URL: the resource as found holds the run's class loader, which
				// a JVM-wide reader must not keep.
				return libraries.computeIfAbsent(resource.getURL().toString(), (url) -> read(url));
			}
			catch (UncheckedIOException ex) {
				throw ex.getCause();
			}
		}

		@Override
		public ResourceLoader getResourceLoader() {
			return this.resourceLoader;
		}

		private MetadataReader read(String url) {
			try {
				return this.library.getMetadataReader(new UrlResource(url));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private static boolean isInJar(Resource resource) {
			try {
				return ResourceUtils.isJarURL(resource.getURL());
			}
			catch (IOException ex) {
				return false;
			}
		}

	}

}
