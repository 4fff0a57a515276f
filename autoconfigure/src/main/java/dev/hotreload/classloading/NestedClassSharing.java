package dev.hotreload.classloading;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.util.Assert;

/**
 * Decides which nested types of a reloadable class a new generation takes from the
 * application's class loader instead of defining them anew. A member type (such as
 * {@code Shop$Size}) whose bytes did not change since the application loaded it is
 * shared, so that the values the rest of the application holds and passes in stay of the
 * one class it knows, and a method such as {@code describe(Size)} keeps its signature
 * across generations. A type is not shared when the new generation reaches its private
 * members (the JVM would refuse it as a nestmate of another class), or when its own
 * signatures mention the bean's class or a type that is not shared (the two loaders would
 * disagree on them).
 * <p>
 * A nested type that appears in the public signatures of the bean's class and cannot be
 * shared, because it changed or for one of those reasons, cannot be reloaded: callers
 * hold the first generation's type. {@link #refreshNeeded()} names such types.
 */
public final class NestedClassSharing {

	private final Set<String> shared;

	private final Set<String> refreshNeeded;

	private NestedClassSharing(Set<String> shared, Set<String> refreshNeeded) {
		this.shared = Collections.unmodifiableSet(shared);
		this.refreshNeeded = Collections.unmodifiableSet(refreshNeeded);
	}

	/**
	 * Plan a new generation.
	 * @param originalClass the class the application loaded, the bean's first generation
	 * @param original the class files the application loaded
	 * @param next the class files of the new generation
	 * @return the plan
	 */
	public static NestedClassSharing plan(Class<?> originalClass, ClassFiles original, ClassFiles next) {
		Assert.notNull(originalClass, "'originalClass' must not be null");
		Assert.notNull(original, "'original' must not be null");
		Assert.notNull(next, "'next' must not be null");
		String topLevel = next.className();
		Map<String, ClassShape> shapes = new HashMap<>();
		for (String name : next.classNames()) {
			byte[] bytes = next.bytes(name);
			if (bytes != null) {
				shapes.put(name, ClassShape.of(bytes));
			}
		}
		Set<String> shared = new TreeSet<>();
		for (String name : original.classNames()) {
			if (isMemberType(topLevel, name) && Arrays.equals(original.bytes(name), next.bytes(name))) {
				shared.add(name);
			}
		}
		Set<String> own = new HashSet<>(next.classNames());
		own.addAll(original.classNames());
		boolean changed = true;
		while (changed) {
			changed = false;
			for (String name : new ArrayList<>(shared)) {
				if (!canShare(name, shapes, shared, own)) {
					shared.remove(name);
					changed = true;
				}
			}
		}
		Set<String> refreshNeeded = new TreeSet<>(publicSignatureTypes(originalClass));
		refreshNeeded.removeAll(shared);
		return new NestedClassSharing(shared, refreshNeeded);
	}

	/**
	 * Return the nested types that the new generation takes from the application's class
	 * loader.
	 * @return the binary names of the shared types
	 */
	public Set<String> shared() {
		return this.shared;
	}

	/**
	 * Return the nested types in the public signatures of the bean's class that the new
	 * generation cannot share, so that the bean cannot be reloaded without a refresh.
	 * @return the binary names, empty if the new generation can be loaded
	 */
	public Set<String> refreshNeeded() {
		return this.refreshNeeded;
	}

	private static boolean canShare(String name, Map<String, ClassShape> shapes, Set<String> shared, Set<String> own) {
		ClassShape shape = shapes.get(name);
		if (shape == null) {
			return false;
		}
		if (!shape.publicClass) {
			return false;
		}
		for (String other : own) {
			if (!shared.contains(other) && shape.mentions(other)) {
				return false;
			}
		}
		for (Map.Entry<String, ClassShape> entry : shapes.entrySet()) {
			if (!shared.contains(entry.getKey()) && entry.getValue().reachesNonPublicMemberOf(name, shape)) {
				return false;
			}
		}
		return true;
	}

	// A member type's name has a Java identifier after each '$', while anonymous and
	// local classes have a number (Outer$1, Outer$1Local).
	private static boolean isMemberType(String topLevel, String name) {
		if (!ClassFiles.isSameOrNested(topLevel, name) || name.equals(topLevel)) {
			return false;
		}
		for (String part : name.substring(topLevel.length() + 1).split("\\$")) {
			if (part.isEmpty() || !Character.isJavaIdentifierStart(part.charAt(0))) {
				return false;
			}
		}
		return true;
	}

	private static Set<String> publicSignatureTypes(Class<?> type) {
		Set<String> names = new TreeSet<>();
		String topLevel = type.getName();
		for (Method method : type.getDeclaredMethods()) {
			if (isVisible(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()) {
				collect(method.getGenericReturnType(), topLevel, names);
				Arrays.stream(method.getGenericParameterTypes())
					.forEach((parameter) -> collect(parameter, topLevel, names));
			}
		}
		for (Field field : type.getDeclaredFields()) {
			if (isVisible(field.getModifiers()) && !field.isSynthetic()) {
				collect(field.getGenericType(), topLevel, names);
			}
		}
		return names;
	}

	private static boolean isVisible(int modifiers) {
		return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
	}

	private static void collect(Type type, String topLevel, Set<String> names) {
		if (type instanceof Class<?> clazz) {
			while (clazz.isArray()) {
				clazz = clazz.getComponentType();
			}
			if (!clazz.getName().equals(topLevel) && ClassFiles.isSameOrNested(topLevel, clazz.getName())) {
				names.add(clazz.getName());
			}
		}
		else if (type instanceof ParameterizedType parameterized) {
			collect(parameterized.getRawType(), topLevel, names);
			Arrays.stream(parameterized.getActualTypeArguments())
				.forEach((argument) -> collect(argument, topLevel, names));
		}
		else if (type instanceof GenericArrayType array) {
			collect(array.getGenericComponentType(), topLevel, names);
		}
		else if (type instanceof WildcardType wildcard) {
			Arrays.stream(wildcard.getUpperBounds()).forEach((bound) -> collect(bound, topLevel, names));
			Arrays.stream(wildcard.getLowerBounds()).forEach((bound) -> collect(bound, topLevel, names));
		}
	}

	/**
	 * What matters of one class file: the types its own signatures mention, its private
	 * members, and the members of other classes its code reaches.
	 */
	private static final class ClassShape {

		private final List<String> signatures = new ArrayList<>();

		private final Set<String> nonPublicMembers = new HashSet<>();

		private boolean publicClass;

		private final Set<String> reachedMembers = new HashSet<>();

		static ClassShape of(byte[] bytes) {
			ClassShape shape = new ClassShape();
			new ClassReader(bytes).accept(shape.visitor(), ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
			return shape;
		}

		boolean mentions(String className) {
			String internalName = className.replace('.', '/');
			String reference = "L" + internalName;
			for (String signature : this.signatures) {
				if (signature.equals(internalName) || signature.contains(reference + ";")
						|| signature.contains(reference + "<")) {
					return true;
				}
			}
			return false;
		}

		boolean reachesNonPublicMemberOf(String className, ClassShape owner) {
			String prefix = className.replace('.', '/') + ".";
			for (String member : this.reachedMembers) {
				if (member.startsWith(prefix) && owner.nonPublicMembers.contains(member.substring(prefix.length()))) {
					return true;
				}
			}
			return false;
		}

		private ClassVisitor visitor() {
			return new ClassVisitor(SpringAsmInfo.ASM_VERSION) {

				@Override
				public void visit(int version, int access, String name, @Nullable String signature,
						@Nullable String superName, String @Nullable [] interfaces) {
					ClassShape.this.publicClass = (access & Opcodes.ACC_PUBLIC) != 0;
					addSignature(signature);
					addSignature(superName);
					if (interfaces != null) {
						Arrays.stream(interfaces).forEach(ClassShape.this::addSignature);
					}
				}

				@Override
				public @Nullable FieldVisitor visitField(int access, String name, String descriptor,
						@Nullable String signature, @Nullable Object value) {
					addSignature(descriptor);
					addSignature(signature);
					if ((access & Opcodes.ACC_PUBLIC) == 0) {
						ClassShape.this.nonPublicMembers.add(name + ":" + descriptor);
					}
					return null;
				}

				@Override
				public MethodVisitor visitMethod(int access, String name, String descriptor, @Nullable String signature,
						String @Nullable [] exceptions) {
					addSignature(descriptor);
					addSignature(signature);
					if ((access & Opcodes.ACC_PUBLIC) == 0) {
						ClassShape.this.nonPublicMembers.add(name + ":" + descriptor);
					}
					return new MethodVisitor(SpringAsmInfo.ASM_VERSION) {

						@Override
						public void visitFieldInsn(int opcode, String owner, String fieldName, String fieldDescriptor) {
							ClassShape.this.reachedMembers.add(owner + "." + fieldName + ":" + fieldDescriptor);
						}

						@Override
						public void visitMethodInsn(int opcode, String owner, String methodName,
								String methodDescriptor, boolean isInterface) {
							ClassShape.this.reachedMembers.add(owner + "." + methodName + ":" + methodDescriptor);
						}

					};
				}

			};
		}

		private void addSignature(@Nullable String signature) {
			if (signature != null) {
				this.signatures.add(signature);
			}
		}

	}

}
