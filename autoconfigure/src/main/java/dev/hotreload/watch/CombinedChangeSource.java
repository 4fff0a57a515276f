package dev.hotreload.watch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.util.Assert;

/**
 * A {@link ChangeSource} made of others, each for some of the directories: the
 * {@link ChangeIntake} that outlives the contexts for the project's class directories,
 * and a watcher of the context's own for the directories it does not watch.
 */
public final class CombinedChangeSource implements ChangeSource {

	private final List<ChangeSource> sources;

	/**
	 * Combine sources.
	 * @param sources the sources, attached in this order
	 */
	public CombinedChangeSource(List<ChangeSource> sources) {
		Assert.notEmpty(sources, "'sources' must not be empty");
		this.sources = List.copyOf(sources);
	}

	@Override
	public List<Path> roots() {
		List<Path> roots = new ArrayList<>();
		this.sources.forEach((source) -> roots.addAll(source.roots()));
		return roots;
	}

	@Override
	public void attach(FileChangeListener listener) {
		this.sources.forEach((source) -> source.attach(listener));
	}

	@Override
	public void detach(FileChangeListener listener) {
		this.sources.forEach((source) -> source.detach(listener));
	}

}
