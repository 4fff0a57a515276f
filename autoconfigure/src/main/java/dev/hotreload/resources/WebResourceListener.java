package dev.hotreload.resources;

import java.util.List;

/**
 * Told when templates, static files or message bundles changed in a class directory: the
 * application serves them anew at the next request, with no record, and what shows them
 * (the pages' live reload) can follow.
 */
@FunctionalInterface
public interface WebResourceListener {

	/**
	 * Templates, static files or message bundles changed.
	 * @param files the changed files, relative to their class directory
	 */
	void resourcesChanged(List<String> files);

}
