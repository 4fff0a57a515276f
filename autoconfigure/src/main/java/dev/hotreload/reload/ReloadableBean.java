package dev.hotreload.reload;

import java.nio.file.Path;

import dev.hotreload.BeanStatus;
import dev.hotreload.StatePolicy;
import dev.hotreload.classloading.ClassFileNames;
import dev.hotreload.classloading.ClassFiles;
import dev.hotreload.proxy.ReloadableTarget;
import org.jspecify.annotations.Nullable;

/**
 * A bean that was handed out as a reloadable proxy: its original class, where its class
 * files live, and the class files of its live generation.
 */
final class ReloadableBean {

	private final String name;

	private final Class<?> originalClass;

	private final StatePolicy policy;

	private final Path classDirectory;

	private final ReloadableTarget target;

	private final ClassFiles originalFiles;

	private volatile ClassFiles liveFiles;

	private volatile @Nullable ClassFiles failedFiles;

	ReloadableBean(String name, Class<?> originalClass, StatePolicy policy, Path classDirectory,
			ReloadableTarget target, ClassFiles liveFiles) {
		this.name = name;
		this.originalClass = originalClass;
		this.policy = policy;
		this.classDirectory = classDirectory;
		this.target = target;
		this.originalFiles = liveFiles;
		this.liveFiles = liveFiles;
	}

	String name() {
		return this.name;
	}

	Class<?> originalClass() {
		return this.originalClass;
	}

	String className() {
		return this.originalClass.getName();
	}

	boolean owns(String className) {
		return ClassFiles.isSameOrNested(className(), className);
	}

	Path classFile() {
		return this.classDirectory.resolve(ClassFileNames.toRelativePath(className()));
	}

	StatePolicy policy() {
		return this.policy;
	}

	Path classDirectory() {
		return this.classDirectory;
	}

	ReloadableTarget target() {
		return this.target;
	}

	/**
	 * Return the class files the application loaded, those of the first generation.
	 * @return the original class files
	 */
	ClassFiles originalFiles() {
		return this.originalFiles;
	}

	ClassFiles liveFiles() {
		return this.liveFiles;
	}

	void liveFiles(ClassFiles liveFiles) {
		this.liveFiles = liveFiles;
		this.failedFiles = null;
	}

	@Nullable ClassFiles failedFiles() {
		return this.failedFiles;
	}

	void failedFiles(ClassFiles failedFiles) {
		this.failedFiles = failedFiles;
	}

	BeanStatus status() {
		return new BeanStatus(this.name, className(), this.target.current().number(), this.policy);
	}

}
