package dev.hotreload.refresh;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What two runs read of class files: a library's class, from a jar, is read once for
 * both; a class of the project's directories is read anew by each run, since a refresh
 * may have changed it.
 */
class LibraryMetadataReadersTests {

	@Test
	void readsALibraryClassOncePerJvmAndAProjectClassOncePerRun() throws Exception {
		MetadataReaderFactory first = factoryOfARun();
		MetadataReaderFactory second = factoryOfARun();
		assertThat(first).isNotSameAs(second);
		MetadataReader library = first.getMetadataReader(Configuration.class.getName());
		assertThat(library.getClassMetadata().getClassName()).isEqualTo(Configuration.class.getName());
		assertThat(second.getMetadataReader(Configuration.class.getName())).isSameAs(library);
		String project = LibraryMetadataReadersTests.class.getName();
		MetadataReader projectClass = first.getMetadataReader(project);
		assertThat(projectClass.getClassMetadata().getClassName()).isEqualTo(project);
		assertThat(first.getMetadataReader(project)).isSameAs(projectClass);
		assertThat(second.getMetadataReader(project)).isNotSameAs(projectClass);
	}

	@Test
	void leavesAContextWithoutSpringBootsSharedFactoryAlone() {
		DefaultListableBeanFactory registry = new DefaultListableBeanFactory();
		new LibraryMetadataReaders(getClass().getClassLoader()).postProcessBeanDefinitionRegistry(registry);
		assertThat(registry.getBeanDefinitionNames()).isEmpty();
	}

	// As Spring Boot registers its shared factory in each context, then the refresher
	// replaces it.
	private MetadataReaderFactory factoryOfARun() {
		DefaultListableBeanFactory registry = new DefaultListableBeanFactory();
		registry.setBeanClassLoader(getClass().getClassLoader());
		registry.registerBeanDefinition(LibraryMetadataReaders.BEAN_NAME, new RootBeanDefinition(Object.class));
		new LibraryMetadataReaders(getClass().getClassLoader()).postProcessBeanDefinitionRegistry(registry);
		return registry.getBean(LibraryMetadataReaders.BEAN_NAME, MetadataReaderFactory.class);
	}

}
