package dev.hotreload;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.util.Assert;

/**
 * What happened in one attempt to reload code: a new generation of one bean, or a failure
 * recorded before a bean could be reloaded (such as a compilation error).
 *
 * @param id increasing number of the attempt, given by the history when the record is
 * added; {@code 0} before that
 * @param timestamp when the attempt started
 * @param bean the name of the bean concerned, or {@code null} when no reloadable bean is
 * concerned (a compilation error in a class that belongs to no reloadable bean)
 * @param trigger what started the attempt
 * @param classes names of the changed classes
 * @param outcome whether the new code took over
 * @param generation the bean's generation after the attempt, {@code 0} when no bean is
 * concerned
 * @param durationMillis how long the attempt took, in milliseconds
 * @param fields what happened to the bean's fields
 * @param failure why the attempt failed, or {@code null}
 * @param inFlightCalls calls still running on the old generation when it was replaced
 * (non-zero only when they outlasted the drain timeout)
 * @param verdicts what was decided for each changed class of the attempt, and why
 * @param notes what else the reader of the record should know, one sentence each, such as
 * which lifecycle callbacks ran or that updates may have been lost; empty if nothing
 * @param carried for a full refresh, what each {@code KEEP} bean of the new context took
 * from the bean of the same name before the refresh, by bean name; empty otherwise (and
 * left out of the JSON)
 * @param mappings what the reload changed in the bean's request mappings, empty unless
 * the bean is a controller whose mappings changed
 * @param properties the keys of the configuration that a change of a configuration file
 * changed, added and removed, never their values; {@code null} (left out of the JSON) for
 * a change of classes
 */
public record ReloadRecord(long id, Instant timestamp, @Nullable String bean, Trigger trigger, List<String> classes,
		Outcome outcome, int generation, double durationMillis, FieldReport fields, @Nullable Failure failure,
		int inFlightCalls, List<Verdict> verdicts, List<String> notes,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, FieldReport> carried, MappingReport mappings,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable PropertyChanges properties) {

	/**
	 * Create a record, checking its components.
	 * @param id increasing number of the attempt
	 * @param timestamp when the attempt started
	 * @param bean the bean's name, or {@code null}
	 * @param trigger what started the attempt
	 * @param classes names of the changed classes
	 * @param outcome whether the new code took over
	 * @param generation the bean's generation after the attempt
	 * @param durationMillis how long the attempt took
	 * @param fields what happened to the bean's fields
	 * @param failure why the attempt failed, or {@code null}
	 * @param inFlightCalls calls still running on the old generation
	 * @param verdicts what was decided for each changed class
	 * @param notes what else the reader should know
	 * @param carried what each {@code KEEP} bean took across a full refresh
	 * @param mappings what the reload changed in the bean's request mappings
	 * @param properties the keys a change of a configuration file changed, or
	 * {@code null}
	 */
	public ReloadRecord {
		Assert.notNull(timestamp, "'timestamp' must not be null");
		Assert.notNull(trigger, "'trigger' must not be null");
		Assert.notNull(outcome, "'outcome' must not be null");
		Assert.notNull(fields, "'fields' must not be null");
		Assert.notNull(mappings, "'mappings' must not be null");
		Assert.isTrue((outcome == Outcome.FAILED) == (failure != null), "A failed record, and only one, has a failure");
		classes = List.copyOf(classes);
		verdicts = List.copyOf(verdicts);
		notes = List.copyOf(notes);
		carried = Collections.unmodifiableMap(new TreeMap<>(carried));
	}

	/**
	 * Create the record of a bean that a new generation now serves.
	 * @param timestamp when the reload started
	 * @param bean the bean's name
	 * @param trigger what started the reload
	 * @param classes the changed classes
	 * @param generation the new generation's number
	 * @param durationMillis how long the reload took
	 * @param fields what happened to the bean's fields
	 * @param inFlightCalls calls still running on the old generation after the drain
	 * timeout
	 * @return the record, without an id until the history adds it
	 */
	public static ReloadRecord reloaded(Instant timestamp, String bean, Trigger trigger, List<String> classes,
			int generation, double durationMillis, FieldReport fields, int inFlightCalls) {
		return reloaded(timestamp, bean, trigger, classes, generation, durationMillis, fields, inFlightCalls,
				List.of());
	}

	/**
	 * Create the record of a bean that a new generation now serves, with notes.
	 * @param timestamp when the reload started
	 * @param bean the bean's name
	 * @param trigger what started the reload
	 * @param classes the changed classes
	 * @param generation the new generation's number
	 * @param durationMillis how long the reload took
	 * @param fields what happened to the bean's fields
	 * @param inFlightCalls calls still running on the old generation after the drain
	 * timeout
	 * @param notes what else the reader should know
	 * @return the record, without an id until the history adds it
	 */
	public static ReloadRecord reloaded(Instant timestamp, String bean, Trigger trigger, List<String> classes,
			int generation, double durationMillis, FieldReport fields, int inFlightCalls, List<String> notes) {
		return new ReloadRecord(0, timestamp, bean, trigger, classes, Outcome.RELOADED, generation, durationMillis,
				fields, null, inFlightCalls, List.of(), notes, Map.of(), MappingReport.NONE, null);
	}

	/**
	 * Create the record of an attempt that failed, after which the previous code keeps
	 * serving.
	 * @param timestamp when the attempt started
	 * @param bean the bean's name, or {@code null} when no reloadable bean is concerned
	 * @param trigger what started the attempt
	 * @param classes the changed classes
	 * @param generation the generation that keeps serving, {@code 0} when no bean is
	 * concerned
	 * @param durationMillis how long the attempt took
	 * @param failure why it failed
	 * @return the record, without an id until the history adds it
	 */
	public static ReloadRecord failed(Instant timestamp, @Nullable String bean, Trigger trigger, List<String> classes,
			int generation, double durationMillis, Failure failure) {
		Assert.notNull(failure, "'failure' must not be null");
		return new ReloadRecord(0, timestamp, bean, trigger, classes, Outcome.FAILED, generation, durationMillis,
				FieldReport.NONE, failure, 0, List.of(), List.of(), Map.of(), MappingReport.NONE, null);
	}

	/**
	 * Create the record of classes that were redefined in place: every call that starts
	 * after it runs their new method bodies (a method already running keeps its old body
	 * until it is called again), and no bean is concerned.
	 * @param timestamp when the redefinition started
	 * @param trigger what started it
	 * @param classes the redefined classes
	 * @param durationMillis how long it took
	 * @param verdicts the verdicts of the redefined classes
	 * @return the record, without an id until the history adds it
	 */
	public static ReloadRecord redefined(Instant timestamp, Trigger trigger, List<String> classes,
			double durationMillis, List<Verdict> verdicts) {
		return new ReloadRecord(0, timestamp, null, trigger, classes, Outcome.REDEFINED, 0, durationMillis,
				FieldReport.NONE, null, 0, verdicts, List.of(), Map.of(), MappingReport.NONE, null);
	}

	/**
	 * Create the record of a full refresh after which the new application context runs.
	 * @param timestamp when the refresh started
	 * @param trigger what started the refresh
	 * @param classes the changed classes it applied, as far as they are known
	 * @param durationMillis how long it took from the start of the close of the old
	 * context until the new context was ready
	 * @param carried what each {@code KEEP} bean took from the bean of the same name
	 * before the refresh, by bean name
	 * @return the record, without an id until the history adds it
	 */
	public static ReloadRecord refreshed(Instant timestamp, Trigger trigger, List<String> classes,
			double durationMillis, Map<String, FieldReport> carried) {
		return new ReloadRecord(0, timestamp, null, trigger, classes, Outcome.REFRESHED, 0, durationMillis,
				FieldReport.NONE, null, 0, List.of(), List.of(), carried, MappingReport.NONE, null);
	}

	/**
	 * Create the record of a changed configuration file applied without a refresh.
	 * @param timestamp when the change was noticed
	 * @param files the configuration files, relative to their class directory
	 * @param durationMillis how long it took
	 * @param properties the keys changed, added and removed
	 * @param notes what was done: beans rebound, new generations, log levels
	 * @return the record, without an id until the history adds it
	 */
	public static ReloadRecord reconfigured(Instant timestamp, List<String> files, double durationMillis,
			PropertyChanges properties, List<String> notes) {
		Assert.notNull(properties, "'properties' must not be null");
		return new ReloadRecord(0, timestamp, null, Trigger.FILE_CHANGE, files, Outcome.RECONFIGURED, 0, durationMillis,
				FieldReport.NONE, null, 0, List.of(), notes, Map.of(), MappingReport.NONE, properties);
	}

	/**
	 * Return this record with the given property changes.
	 * @param properties the keys a change of a configuration file changed
	 * @return a copy of this record with those changes
	 */
	public ReloadRecord withProperties(@Nullable PropertyChanges properties) {
		return new ReloadRecord(this.id, this.timestamp, this.bean, this.trigger, this.classes, this.outcome,
				this.generation, this.durationMillis, this.fields, this.failure, this.inFlightCalls, this.verdicts,
				this.notes, this.carried, this.mappings, properties);
	}

	/**
	 * Return this record with the given verdicts.
	 * @param verdicts what was decided for each changed class of the attempt
	 * @return a copy of this record with those verdicts
	 */
	public ReloadRecord withVerdicts(List<Verdict> verdicts) {
		return new ReloadRecord(this.id, this.timestamp, this.bean, this.trigger, this.classes, this.outcome,
				this.generation, this.durationMillis, this.fields, this.failure, this.inFlightCalls, verdicts,
				this.notes, this.carried, this.mappings, this.properties);
	}

	/**
	 * Return this record with the given notes.
	 * @param notes what else the reader of the record should know
	 * @return a copy of this record with those notes
	 */
	public ReloadRecord withNotes(List<String> notes) {
		return new ReloadRecord(this.id, this.timestamp, this.bean, this.trigger, this.classes, this.outcome,
				this.generation, this.durationMillis, this.fields, this.failure, this.inFlightCalls, this.verdicts,
				notes, this.carried, this.mappings, this.properties);
	}

	/**
	 * Return this record with the given changes of the request mappings.
	 * @param mappings what the reload changed in the bean's request mappings
	 * @return a copy of this record with those changes
	 */
	public ReloadRecord withMappings(MappingReport mappings) {
		return new ReloadRecord(this.id, this.timestamp, this.bean, this.trigger, this.classes, this.outcome,
				this.generation, this.durationMillis, this.fields, this.failure, this.inFlightCalls, this.verdicts,
				this.notes, this.carried, mappings, this.properties);
	}

	/**
	 * Return this record with the given id.
	 * @param id the id the history gives it
	 * @return a copy of this record with that id
	 */
	public ReloadRecord withId(long id) {
		return new ReloadRecord(id, this.timestamp, this.bean, this.trigger, this.classes, this.outcome,
				this.generation, this.durationMillis, this.fields, this.failure, this.inFlightCalls, this.verdicts,
				this.notes, this.carried, this.mappings, this.properties);
	}

	/**
	 * What started a reload.
	 */
	public enum Trigger {

		/** A class file changed on disk. */
		FILE_CHANGE,

		/** A request to the actuator endpoint. */
		ENDPOINT,

		/** A call of {@link HotReloader#reload(String)}. */
		API

	}

	/**
	 * Whether a reload succeeded.
	 */
	public enum Outcome {

		/** The new generation serves the calls. */
		RELOADED,

		/** The new code could not be loaded; the previous code keeps serving. */
		FAILED,

		/**
		 * Classes that are no reloadable bean's were redefined in place: every existing
		 * object runs their new method bodies.
		 */
		REDEFINED,

		/**
		 * A full refresh closed the application context and started it again on a fresh
		 * class loader.
		 */
		REFRESHED,

		/**
		 * A changed configuration file was applied to the running application: the
		 * environment was updated, and the beans that read the changed keys follow.
		 */
		RECONFIGURED

	}

	/**
	 * What a reload did with the bean's fields.
	 *
	 * @param kept fields whose values were carried over
	 * @param reset fields that took the new instance's value (new, changed type, or
	 * {@link ResetOnReload})
	 * @param dropped fields of the old class that the new class no longer has
	 */
	public record FieldReport(List<String> kept, List<String> reset, List<String> dropped) {

		/** No field was carried, reset or dropped. */
		public static final FieldReport NONE = new FieldReport(List.of(), List.of(), List.of());

		/**
		 * Create a report.
		 * @param kept fields whose values were carried over
		 * @param reset fields that took the new instance's value
		 * @param dropped fields the new class no longer has
		 */
		public FieldReport {
			kept = List.copyOf(kept);
			reset = List.copyOf(reset);
			dropped = List.copyOf(dropped);
		}

	}

	/**
	 * What a reload changed in the request mappings of a controller, each mapping written
	 * as its HTTP methods, paths and narrowing conditions, such as {@code GET
	 * /owners/{id} [produces: application/json]}.
	 *
	 * @param added mappings that the new class has and the previous one did not
	 * @param removed mappings that the previous class had and the new one does not
	 * @param changed mappings of both whose handler method changed: its name, its
	 * parameters or their annotations, or its return type
	 */
	public record MappingReport(List<String> added, List<String> removed, List<String> changed) {

		/** No mapping was added, removed or changed. */
		public static final MappingReport NONE = new MappingReport(List.of(), List.of(), List.of());

		/**
		 * Create a report.
		 * @param added mappings that the new class added
		 * @param removed mappings that the new class removed
		 * @param changed mappings whose handler method changed
		 */
		public MappingReport {
			added = List.copyOf(added);
			removed = List.copyOf(removed);
			changed = List.copyOf(changed);
		}

	}

	/**
	 * The keys of the configuration that a change of a configuration file changed, added
	 * and removed. Only keys: values may be passwords and tokens.
	 *
	 * @param changed keys whose value changed
	 * @param added keys that no configuration file had
	 * @param removed keys that no configuration file has any more
	 */
	public record PropertyChanges(List<String> changed, List<String> added, List<String> removed) {

		/**
		 * Create the changes, each list sorted.
		 * @param changed keys whose value changed
		 * @param added keys that are new
		 * @param removed keys that are gone
		 */
		public PropertyChanges {
			changed = changed.stream().sorted().toList();
			added = added.stream().sorted().toList();
			removed = removed.stream().sorted().toList();
		}

		/**
		 * Return every key of the change.
		 * @return the changed, added and removed keys, sorted
		 */
		public List<String> all() {
			List<String> all = new ArrayList<>(this.changed);
			all.addAll(this.added);
			all.addAll(this.removed);
			return all.stream().sorted().toList();
		}

		/**
		 * Tell whether no key changed.
		 * @return whether the change is empty
		 */
		public boolean isEmpty() {
			return this.changed.isEmpty() && this.added.isEmpty() && this.removed.isEmpty();
		}

	}

	/**
	 * Why an attempt failed.
	 *
	 * @param type the simple name of the exception type, such as
	 * {@code ClassFormatError}, or {@code CompilationError}
	 * @param message a one-line message
	 * @param diagnostics compiler diagnostics, empty unless the source failed to compile
	 */
	public record Failure(String type, String message, List<Diagnostic> diagnostics) {

		/**
		 * Create a failure.
		 * @param type the simple name of the exception type
		 * @param message a one-line message
		 * @param diagnostics compiler diagnostics
		 */
		public Failure {
			Assert.hasText(type, "'type' must not be empty");
			Assert.notNull(message, "'message' must not be null");
			diagnostics = List.copyOf(diagnostics);
		}

		/**
		 * Create a failure from an exception, using its most specific cause, since the
		 * outer exceptions of a failed bean creation only say where it failed.
		 * @param ex the exception
		 * @return the failure
		 */
		public static Failure of(Throwable ex) {
			Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
			String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getName();
			return new Failure(cause.getClass().getSimpleName(), message.lines().findFirst().orElse(""), List.of());
		}

	}

	/**
	 * What was decided for one changed class, and why.
	 *
	 * @param className the binary name of the class (JSON key {@code class})
	 * @param category how the change is applied
	 * @param reason why, such as {@code shape unchanged} or the members that a new
	 * generation uses and the running classes do not have
	 */
	public record Verdict(@JsonProperty("class") String className, Category category, String reason) {

		/**
		 * Create a verdict.
		 * @param className the binary name of the class
		 * @param category how the change is applied
		 * @param reason why
		 */
		public Verdict {
			Assert.hasText(className, "'className' must not be empty");
			Assert.notNull(category, "'category' must not be null");
			Assert.hasText(reason, "'reason' must not be empty");
		}

	}

	/**
	 * How a changed class is applied.
	 */
	public enum Category {

		/** The class of a reloadable bean, or a nested class: a new generation. */
		NEW_GENERATION,

		/**
		 * Another loaded class whose shape is unchanged: redefined in place, every
		 * existing object keeps its identity and state.
		 */
		REDEFINE,

		/**
		 * A class that was never loaded: its new class file is used when it is first
		 * loaded, and nothing else is needed.
		 */
		LOAD_ON_USE,

		/**
		 * Anything else (a changed shape, a deleted class, a new bean class, a new
		 * generation that uses what does not run): only a full refresh can apply it.
		 */
		REFRESH

	}

	/**
	 * One compiler diagnostic.
	 *
	 * @param file the source file, relative to its source root
	 * @param line the line number, 1-based
	 * @param column the column number, 1-based
	 * @param message the compiler's message
	 */
	public record Diagnostic(String file, long line, long column, String message) {

	}

}
