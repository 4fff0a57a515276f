package dev.hotreload.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of hot reload.
 */
@ConfigurationProperties("hotreload")
public class HotReloadProperties {

	/**
	 * Whether hot reload is on. 'false' always wins and 'true' forces it on; when unset,
	 * it is on exactly when one of 'hotreload.profiles' is active.
	 */
	private @Nullable Boolean enabled;

	/**
	 * Profiles that turn hot reload on when 'hotreload.enabled' is unset.
	 */
	private List<String> profiles = new ArrayList<>(List.of("dev"));

	/**
	 * Class-name patterns, with '*' wildcards, of beans that are reloadable without the
	 * @HotReloadable annotation, such as 'com.example.web.*Controller'.
	 */
	private List<String> include = new ArrayList<>();

	private final Watch watch = new Watch();

	private final History history = new History();

	private final Reload reload = new Reload();

	public @Nullable Boolean getEnabled() {
		return this.enabled;
	}

	public void setEnabled(@Nullable Boolean enabled) {
		this.enabled = enabled;
	}

	public List<String> getProfiles() {
		return this.profiles;
	}

	public void setProfiles(List<String> profiles) {
		this.profiles = profiles;
	}

	public List<String> getInclude() {
		return this.include;
	}

	public void setInclude(List<String> include) {
		this.include = include;
	}

	public Watch getWatch() {
		return this.watch;
	}

	public History getHistory() {
		return this.history;
	}

	public Reload getReload() {
		return this.reload;
	}

	/**
	 * Properties of the class directory watcher.
	 */
	public static class Watch {

		/**
		 * Class directories to watch in addition to those of the classpath.
		 */
		private List<Path> paths = new ArrayList<>();

		/**
		 * How long no further change must arrive before a batch of changes is reloaded.
		 */
		private Duration quietPeriod = Duration.ofMillis(50);

		public List<Path> getPaths() {
			return this.paths;
		}

		public void setPaths(List<Path> paths) {
			this.paths = paths;
		}

		public Duration getQuietPeriod() {
			return this.quietPeriod;
		}

		public void setQuietPeriod(Duration quietPeriod) {
			this.quietPeriod = quietPeriod;
		}

	}

	/**
	 * Properties of the reload history.
	 */
	public static class History {

		/**
		 * How many reload records to keep.
		 */
		private int size = 200;

		public int getSize() {
			return this.size;
		}

		public void setSize(int size) {
			this.size = size;
		}

	}

	/**
	 * Properties of a reload.
	 */
	public static class Reload {

		/**
		 * How long a reload waits for calls in flight on the old generation before it
		 * switches anyway.
		 */
		private Duration drainTimeout = Duration.ofSeconds(2);

		public Duration getDrainTimeout() {
			return this.drainTimeout;
		}

		public void setDrainTimeout(Duration drainTimeout) {
			this.drainTimeout = drainTimeout;
		}

	}

}
