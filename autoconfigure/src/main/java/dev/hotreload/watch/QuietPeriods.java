package dev.hotreload.watch;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * How long a {@link FileWatcher} waits before it hands a batch on: a batch of one changed
 * file waits for the single-file quiet period, since an atomic save or a one-class
 * compilation is over once its file is written; a second file makes the batch a burst,
 * which waits until no change arrived for the quiet period; and a batch in which a file
 * that existed is gone waits for the deletion quiet period.
 *
 * @param quietPeriod how long no further change must arrive before a burst of changes is
 * handed on
 * @param singleFileQuietPeriod how long a batch of one changed file waits for a further
 * change, at most the quiet period
 * @param deletionQuietPeriod how long a deleted file must stay deleted before its batch
 * is handed on, unless it comes back earlier
 */
public record QuietPeriods(Duration quietPeriod, Duration singleFileQuietPeriod, Duration deletionQuietPeriod) {

	/**
	 * How long a batch of one changed file waits unless told otherwise: javac and the
	 * IDEs write the class files of one compilation within a millisecond or two of each
	 * other once they run compiled code, and an editor's save is one write or rename.
	 */
	public static final Duration DEFAULT_SINGLE_FILE_QUIET_PERIOD = Duration.ofMillis(15);

	/**
	 * Check the periods.
	 * @param quietPeriod how long no further change must arrive before a burst of changes
	 * is handed on
	 * @param singleFileQuietPeriod how long a batch of one changed file waits for a
	 * further change
	 * @param deletionQuietPeriod how long a deleted file must stay deleted
	 */
	public QuietPeriods {
		Assert.notNull(quietPeriod, "'quietPeriod' must not be null");
		Assert.isTrue(!quietPeriod.isNegative(), "'quietPeriod' must not be negative");
		Assert.notNull(singleFileQuietPeriod, "'singleFileQuietPeriod' must not be null");
		Assert.isTrue(!singleFileQuietPeriod.isNegative(), "'singleFileQuietPeriod' must not be negative");
		Assert.notNull(deletionQuietPeriod, "'deletionQuietPeriod' must not be null");
		Assert.isTrue(!deletionQuietPeriod.isNegative(), "'deletionQuietPeriod' must not be negative");
		// A single file never waits longer than a burst would.
		if (singleFileQuietPeriod.compareTo(quietPeriod) > 0) {
			singleFileQuietPeriod = quietPeriod;
		}
	}

	/**
	 * Return how long a batch waits after its latest change.
	 * @param files how many distinct files the batch holds
	 * @return the wait
	 */
	Duration afterLatestChange(int files) {
		return (files <= 1) ? this.singleFileQuietPeriod : this.quietPeriod;
	}

}
