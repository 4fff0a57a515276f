package dev.hotreload.state;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.hotreload.ReloadRecord;
import dev.hotreload.ResetOnReload;
import dev.hotreload.classloading.ClassFiles;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.ReflectionUtils;

/**
 * Carries the field values of an old instance over to a new instance of a possibly
 * changed class: a field of the same name and a compatible type is copied (private and
 * final ones, inherited ones too); a field that is new, whose type changed, that is
 * marked {@link ResetOnReload}, or that the caller calls fresh keeps the new instance's
 * value; a field the new class no longer has is dropped. Non-final static fields of the
 * class itself are carried the same way.
 * <p>
 * Every generation defines the class and its nested, anonymous and lambda classes anew,
 * so an object of one of those classes made by the old instance is of another class than
 * the new code expects. A field whose declared type mentions one of them (such as
 * {@code List<Entry>}) or whose value is one of them (such as a lambda kept in a
 * {@code Runnable} field) is therefore reset too.
 * <p>
 * Nothing is carried into a record: its components are what its canonical constructor was
 * given when the bean factory built the new instance (constructor injection), and they
 * are neither copied nor reported. Its non-final static fields are carried as for any
 * class.
 */
public final class StateTransfer {

	private final Predicate<Field> fresh;

	private final @Nullable Predicate<Class<?>> renewed;

	/**
	 * Create a transfer between two generations of a bean.
	 * @param fresh tells which fields of the new instance already hold what they should,
	 * such as injected dependencies; those are neither copied nor reported
	 */
	public StateTransfer(Predicate<Field> fresh) {
		this(fresh, null);
	}

	/**
	 * Create a transfer across a change that defines more classes anew than the bean's
	 * own, such as a full refresh, which defines every class of the project anew. A field
	 * whose declared type mentions such a class is reset, and so is a field whose value
	 * is of such a class or is a collection, map or array that directly holds one.
	 * @param fresh tells which fields of the new instance already hold what they should,
	 * such as injected dependencies; those are neither copied nor reported
	 * @param renewed tells the classes defined anew, or {@code null} for only the bean's
	 * class and its nested classes
	 */
	public StateTransfer(Predicate<Field> fresh, @Nullable Predicate<Class<?>> renewed) {
		Assert.notNull(fresh, "'fresh' must not be null");
		this.fresh = fresh;
		this.renewed = renewed;
	}

	/**
	 * Copy the state of one instance into another.
	 * @param from the old instance
	 * @param to the new instance
	 * @return which fields were kept, reset and dropped
	 */
	public ReloadRecord.FieldReport transfer(Object from, Object to) {
		Assert.notNull(from, "'from' must not be null");
		Assert.notNull(to, "'to' must not be null");
		Report report = new Report();
		Generations generations = new Generations(from.getClass(), to.getClass(), this.renewed);
		// A record's fields are its components, all set by the canonical constructor the
		// bean factory called, and the JDK forbids writing them by reflection.
		if (!to.getClass().isRecord()) {
			copy(from, to, instanceFields(from.getClass()), instanceFields(to.getClass()), generations, report);
		}
		if (from.getClass() != to.getClass()) {
			copy(null, null, staticFields(from.getClass()), staticFields(to.getClass()), generations, report);
		}
		return report.toFieldReport();
	}

	private void copy(@Nullable Object from, @Nullable Object to, Map<String, Field> oldFields,
			Map<String, Field> newFields, Generations generations, Report report) {
		for (Field newField : newFields.values()) {
			String name = newField.getName();
			if (newField.isAnnotationPresent(ResetOnReload.class)) {
				report.reset.add(name);
				continue;
			}
			if (this.fresh.test(newField)) {
				continue;
			}
			Field oldField = oldFields.get(name);
			if (oldField == null || !sameType(oldField, newField)
					|| generations.mentionsOwnClass(oldField.getGenericType())) {
				report.reset.add(name);
				continue;
			}
			Object value = get(oldField, from);
			if (value != null && !newField.getType().isPrimitive()
					&& (!newField.getType().isInstance(value) || generations.isOfOldGeneration(value))) {
				report.reset.add(name);
				continue;
			}
			set(newField, to, value);
			report.kept.add(name);
		}
		for (String name : oldFields.keySet()) {
			if (!newFields.containsKey(name)) {
				report.dropped.add(name);
			}
		}
	}

	private static boolean sameType(Field oldField, Field newField) {
		return oldField.getType().getName().equals(newField.getType().getName())
				&& oldField.getGenericType().getTypeName().equals(newField.getGenericType().getTypeName());
	}

	private static Map<String, Field> instanceFields(Class<?> type) {
		Map<String, Field> fields = new LinkedHashMap<>();
		ReflectionUtils.doWithFields(type, (field) -> fields.putIfAbsent(field.getName(), field),
				(field) -> !Modifier.isStatic(field.getModifiers()) && !field.isSynthetic());
		return fields;
	}

	private static Map<String, Field> staticFields(Class<?> type) {
		Map<String, Field> fields = new LinkedHashMap<>();
		ReflectionUtils.doWithLocalFields(type, (field) -> {
			int modifiers = field.getModifiers();
			if (Modifier.isStatic(modifiers) && !Modifier.isFinal(modifiers) && !field.isSynthetic()) {
				fields.put(field.getName(), field);
			}
		});
		return fields;
	}

	private static @Nullable Object get(Field field, @Nullable Object target) {
		try {
			field.setAccessible(true);
			return field.get(target);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("Cannot read field '" + field.getName() + "'", ex);
		}
	}

	private static void set(Field field, @Nullable Object target, @Nullable Object value) {
		try {
			field.setAccessible(true);
			field.set(target, value);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("Cannot write field '" + field.getName() + "'", ex);
		}
	}

	/**
	 * The classes that each generation defines anew: the bean's class and its nested,
	 * anonymous and lambda classes, whose names start with the class name and a '$'.
	 */
	private static final class Generations {

		private final String className;

		private final @Nullable ClassLoader newLoader;

		private final @Nullable Predicate<Class<?>> renewed;

		Generations(Class<?> oldType, Class<?> newType, @Nullable Predicate<Class<?>> renewed) {
			this.className = oldType.getName();
			this.newLoader = newType.getClassLoader();
			this.renewed = renewed;
		}

		boolean isOfOldGeneration(Object value) {
			return isReplaced(value.getClass()) || holdsRenewed(value);
		}

		// One level deep: enough for the collections and maps a bean keeps its state in.
		private boolean holdsRenewed(Object value) {
			Predicate<Class<?>> renewed = this.renewed;
			if (renewed == null) {
				return false;
			}
			Predicate<@Nullable Object> renewedValue = (item) -> item != null && renewed.test(item.getClass());
			if (renewedValue.test(value)) {
				return true;
			}
			if (value instanceof Collection<?> collection) {
				return collection.stream().anyMatch(renewedValue);
			}
			if (value instanceof Map<?, ?> map) {
				return map.keySet().stream().anyMatch(renewedValue) || map.values().stream().anyMatch(renewedValue);
			}
			if (value instanceof Object[] array) {
				return Arrays.stream(array).anyMatch(renewedValue);
			}
			return false;
		}

		boolean mentionsOwnClass(Type type) {
			if (type instanceof Class<?> clazz) {
				return isReplaced(clazz);
			}
			if (type instanceof ParameterizedType parameterized) {
				return mentionsOwnClass(parameterized.getRawType())
						|| Arrays.stream(parameterized.getActualTypeArguments()).anyMatch(this::mentionsOwnClass);
			}
			if (type instanceof GenericArrayType array) {
				return mentionsOwnClass(array.getGenericComponentType());
			}
			if (type instanceof WildcardType wildcard) {
				return Arrays.stream(wildcard.getUpperBounds()).anyMatch(this::mentionsOwnClass)
						|| Arrays.stream(wildcard.getLowerBounds()).anyMatch(this::mentionsOwnClass);
			}
			// A type variable, whose bounds may refer to itself: the value is checked
			// instead.
			return false;
		}

		// A nested type that the new generation shares with the application (see
		// NestedClassSharing) is the same class in both generations.
		private boolean isReplaced(Class<?> type) {
			while (type.isArray()) {
				type = type.getComponentType();
			}
			if (!isOwn(type)) {
				return false;
			}
			if (this.newLoader == null) {
				return true;
			}
			try {
				return Class.forName(type.getName(), false, this.newLoader) != type;
			}
			catch (ClassNotFoundException | LinkageError ex) {
				return true;
			}
		}

		private boolean isOwn(Class<?> type) {
			while (type.isArray()) {
				type = type.getComponentType();
			}
			return ClassFiles.isSameOrNested(this.className, type.getName())
					|| (this.renewed != null && this.renewed.test(type));
		}

	}

	private static final class Report {

		private final List<String> kept = new ArrayList<>();

		private final List<String> reset = new ArrayList<>();

		private final List<String> dropped = new ArrayList<>();

		ReloadRecord.FieldReport toFieldReport() {
			return new ReloadRecord.FieldReport(List.copyOf(this.kept), List.copyOf(this.reset),
					List.copyOf(this.dropped));
		}

	}

}
