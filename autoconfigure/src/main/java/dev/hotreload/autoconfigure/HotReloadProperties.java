package dev.hotreload.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.hotreload.watch.QuietPeriods;
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
	 * Class-name patterns, with '*' wildcards, of beans that are reloadable even without
	 * an @HotReloadable annotation, such as 'com.example.web.*Controller'.
	 */
	private List<String> include = new ArrayList<>();

	private final Watch watch = new Watch();

	private final History history = new History();

	private final Reload reload = new Reload();

	private final Redefine redefine = new Redefine();

	private final Source source = new Source();

	private final Refresh refresh = new Refresh();

	private final Endpoint endpoint = new Endpoint();

	private final ConfigurationFiles configuration = new ConfigurationFiles();

	private final LiveReload liveReload = new LiveReload();

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

	public Redefine getRedefine() {
		return this.redefine;
	}

	public Source getSource() {
		return this.source;
	}

	public Refresh getRefresh() {
		return this.refresh;
	}

	public Endpoint getEndpoint() {
		return this.endpoint;
	}

	public ConfigurationFiles getConfiguration() {
		return this.configuration;
	}

	public LiveReload getLiveReload() {
		return this.liveReload;
	}

	/**
	 * Properties of live reload: the script that every HTML page loads while hot reload
	 * is on.
	 */
	public static class LiveReload {

		/**
		 * Whether every HTML page that the application serves loads a script that reloads
		 * it once a change applied and shows a failed change's error over it.
		 */
		private boolean enabled = true;

		/**
		 * The path of the development page, which shows the reloadable beans, the classes
		 * waiting for a refresh and the history, and follows every change.
		 */
		private String pagePath = "/hotreload";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getPagePath() {
			return this.pagePath;
		}

		public void setPagePath(String pagePath) {
			this.pagePath = pagePath;
		}

	}

	/**
	 * Properties of configuration changes: a changed application.properties or
	 * application.yml in a watched class directory.
	 */
	public static class ConfigurationFiles {

		/**
		 * Whether a changed configuration file (application*.properties, .yml, .yaml) in
		 * a watched class directory is applied to the running application: the
		 * environment, @ConfigurationProperties beans, log levels and the reloadable
		 * beans that read a changed key through @Value, or a full refresh for what only a
		 * refresh applies.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Properties of the hotreload actuator endpoint.
	 */
	public static class Endpoint {

		/**
		 * Whether the hotreload endpoint answers clients other than loopback ones (such
		 * as another machine), which can then reload beans and restart the application.
		 * When false, they get 403.
		 */
		private boolean allowRemoteClients;

		public boolean isAllowRemoteClients() {
			return this.allowRemoteClients;
		}

		public void setAllowRemoteClients(boolean allowRemoteClients) {
			this.allowRemoteClients = allowRemoteClients;
		}

	}

	/**
	 * Properties of the full refresh, which closes the application context and starts it
	 * again in the same JVM.
	 */
	public static class Refresh {

		/**
		 * Whether the application runs on a class loader that a full refresh can replace.
		 * Read when the application starts, from system properties, environment variables
		 * and command-line arguments only.
		 */
		private boolean enabled = true;

		/**
		 * Whether a batch of changed classes that holds a class hot reload cannot apply
		 * is applied whole by one full refresh. When false, hot reload applies what it
		 * can and the rest waits in 'pendingRefresh' of the endpoint.
		 */
		private boolean onUnreloadableChange = true;

		/**
		 * How long a full refresh whose new web server finds its port in use launches the
		 * application again, with a backoff from 100 ms, before it fails. Read from the
		 * environment of the run that found the port in use.
		 */
		private Duration portRetryTimeout = Duration.ofSeconds(10);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public boolean isOnUnreloadableChange() {
			return this.onUnreloadableChange;
		}

		public void setOnUnreloadableChange(boolean onUnreloadableChange) {
			this.onUnreloadableChange = onUnreloadableChange;
		}

		public Duration getPortRetryTimeout() {
			return this.portRetryTimeout;
		}

		public void setPortRetryTimeout(Duration portRetryTimeout) {
			this.portRetryTimeout = portRetryTimeout;
		}

	}

	/**
	 * Properties of the class directory watcher.
	 */
	public static class Watch {

		/**
		 * Class directories to watch, whatever their names, in addition to the build
		 * output directories of the classpath (such as 'target/classes' or
		 * 'build/classes/java/main').
		 */
		private List<Path> paths = new ArrayList<>();

		/**
		 * How long no further change must arrive before a batch of several changed files
		 * is reloaded.
		 */
		private Duration quietPeriod = Duration.ofMillis(50);

		/**
		 * How long a batch of one changed file waits for a further change before it is
		 * reloaded; a second file within it makes the batch wait for the quiet period
		 * after its latest change. At most the quiet period.
		 */
		private Duration singleFileQuietPeriod = QuietPeriods.DEFAULT_SINGLE_FILE_QUIET_PERIOD;

		/**
		 * How long a deleted class file must stay deleted before the changes with it are
		 * applied, unless it is written again earlier. A build that deletes its classes
		 * and compiles them again (Maven's incremental compilation, Gradle, an IDE's
		 * rebuild) then makes one change of the classes whose content differs.
		 */
		private Duration deletionQuietPeriod = Duration.ofSeconds(5);

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

		public Duration getSingleFileQuietPeriod() {
			return this.singleFileQuietPeriod;
		}

		public void setSingleFileQuietPeriod(Duration singleFileQuietPeriod) {
			this.singleFileQuietPeriod = singleFileQuietPeriod;
		}

		public Duration getDeletionQuietPeriod() {
			return this.deletionQuietPeriod;
		}

		/**
		 * Return the quiet periods that the watchers wait for.
		 * @return the quiet periods
		 */
		public QuietPeriods quietPeriods() {
			return new QuietPeriods(this.quietPeriod, this.singleFileQuietPeriod, this.deletionQuietPeriod);
		}

		public void setDeletionQuietPeriod(Duration deletionQuietPeriod) {
			this.deletionQuietPeriod = deletionQuietPeriod;
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

		/**
		 * How long one reload may take, waiting for an earlier reload of the same bean
		 * included, before it is abandoned and recorded as failed: the calls it held go
		 * on, and the previous generation keeps serving.
		 */
		private Duration timeout = Duration.ofSeconds(5);

		/**
		 * How long a class file that is missing, truncated or corrupt is read again,
		 * since a compiler or an IDE may still be writing it, before the reload fails.
		 */
		private Duration readPatience = Duration.ofMillis(250);

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Duration getDrainTimeout() {
			return this.drainTimeout;
		}

		public void setDrainTimeout(Duration drainTimeout) {
			this.drainTimeout = drainTimeout;
		}

		public Duration getReadPatience() {
			return this.readPatience;
		}

		public void setReadPatience(Duration readPatience) {
			this.readPatience = readPatience;
		}

	}

	/**
	 * Properties of source mode, in which the application compiles the Java sources that
	 * change and reloads the result.
	 */
	public static class Source {

		/**
		 * Whether changed Java sources are compiled by the running application. When
		 * unset, source mode is on whenever a source directory is found next to a class
		 * directory (such as 'src/main/java' next to 'target/classes') or is listed in
		 * 'hotreload.source.paths'.
		 */
		private @Nullable Boolean enabled;

		/**
		 * Source directories to watch in addition to those found next to the class
		 * directories. Each compiles into the class directory that shares the longest
		 * path prefix with it (the one of the same module).
		 */
		private List<Path> paths = new ArrayList<>();

		/**
		 * Whether the compiler warms up in the background once the application has
		 * started, with a few throwaway compilations of one of the watched sources, so
		 * that the first save compiles about as fast as later ones.
		 */
		private boolean warmUp = true;

		public @Nullable Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(@Nullable Boolean enabled) {
			this.enabled = enabled;
		}

		public List<Path> getPaths() {
			return this.paths;
		}

		public void setPaths(List<Path> paths) {
			this.paths = paths;
		}

		public boolean isWarmUp() {
			return this.warmUp;
		}

		public void setWarmUp(boolean warmUp) {
			this.warmUp = warmUp;
		}

	}

	/**
	 * Properties of the redefinition in place of changed classes that are no reloadable
	 * bean's.
	 */
	public static class Redefine {

		/**
		 * Whether hot reload attaches its agent to the running JVM to redefine classes in
		 * place, when the JVM was not started with the -javaagent of the hotreload jar.
		 * Without either, a changed class that is no reloadable bean's needs a full
		 * refresh.
		 */
		private boolean selfAttach = true;

		public boolean isSelfAttach() {
			return this.selfAttach;
		}

		public void setSelfAttach(boolean selfAttach) {
			this.selfAttach = selfAttach;
		}

	}

}
