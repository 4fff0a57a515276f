package dev.hotreload.linkage;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.asm.Type;

/**
 * The members of the classes that run, as one class loader sees them: the class objects
 * it has loaded (with any redefinition applied), or, for a class never loaded, the class
 * it would load now. Looked up once per class and kept for one check.
 */
final class RunningClasses {

	private static final String OBJECT = "java/lang/Object";

	private final ClassLoader classLoader;

	private final Map<String, @Nullable Members> members = new HashMap<>();

	RunningClasses(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	/**
	 * Tell whether a class exists.
	 * @param internalName the internal name of the class
	 * @return whether it can be loaded
	 */
	boolean exists(String internalName) {
		return members(internalName) != null;
	}

	/**
	 * Tell whether a method or constructor can be resolved as the JVM resolves it: in the
	 * class, its superclasses, then its interfaces.
	 * @param owner the internal name of the class the call names
	 * @param name the method's name (the JVM's init name for a constructor)
	 * @param descriptor the method's descriptor
	 * @return whether it exists
	 */
	boolean hasMethod(String owner, String name, String descriptor) {
		String signature = name + descriptor;
		if ("<init>".equals(name)) {
			Members type = members(owner);
			return type != null && type.methods().contains(signature);
		}
		if (isSignaturePolymorphic(owner)) {
			// MethodHandle.invoke and VarHandle.get take any descriptor.
			return true;
		}
		return inHierarchy(owner, (type) -> type.methods().contains(signature))
				|| inHierarchy(OBJECT, (type) -> type.methods().contains(signature));
	}

	/**
	 * Tell whether a field can be resolved: in the class, its interfaces, then its
	 * superclasses.
	 * @param owner the internal name of the class the access names
	 * @param name the field's name
	 * @param descriptor the field's descriptor
	 * @return whether it exists
	 */
	boolean hasField(String owner, String name, String descriptor) {
		String signature = name + ":" + descriptor;
		return inHierarchy(owner, (type) -> type.fields().contains(signature));
	}

	private static boolean isSignaturePolymorphic(String owner) {
		return "java/lang/invoke/MethodHandle".equals(owner) || "java/lang/invoke/VarHandle".equals(owner);
	}

	private boolean inHierarchy(String owner, Predicate<Members> test) {
		Deque<String> queue = new ArrayDeque<>();
		Set<String> seen = new HashSet<>();
		queue.add(owner);
		while (!queue.isEmpty()) {
			String name = queue.poll();
			if (!seen.add(name)) {
				continue;
			}
			Members type = members(name);
			if (type == null) {
				continue;
			}
			if (test.test(type)) {
				return true;
			}
			if (type.superName() != null) {
				queue.add(type.superName());
			}
			queue.addAll(type.interfaces());
		}
		return false;
	}

	private @Nullable Members members(String internalName) {
		if (this.members.containsKey(internalName)) {
			return this.members.get(internalName);
		}
		Members result = load(internalName);
		this.members.put(internalName, result);
		return result;
	}

	private @Nullable Members load(String internalName) {
		Class<?> type;
		try {
			type = Class.forName(internalName.replace('/', '.'), false, this.classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return null;
		}
		try {
			return reflect(type);
		}
		catch (LinkageError ex) {
			// Reflection resolves every type in the signatures, and a library class may
			// name an optional type that is absent. Its class file cannot differ from
			// what runs, so read that instead.
			return read(type, internalName);
		}
	}

	private static Members reflect(Class<?> type) {
		Set<String> methods = new HashSet<>();
		for (Method method : type.getDeclaredMethods()) {
			methods.add(method.getName() + Type.getMethodDescriptor(method));
		}
		for (Constructor<?> constructor : type.getDeclaredConstructors()) {
			methods.add("<init>" + Type.getConstructorDescriptor(constructor));
		}
		Set<String> fields = new HashSet<>();
		for (Field field : type.getDeclaredFields()) {
			fields.add(field.getName() + ":" + Type.getDescriptor(field.getType()));
		}
		Class<?> superclass = type.getSuperclass();
		List<String> interfaces = Arrays.stream(type.getInterfaces()).map(Type::getInternalName).toList();
		return new Members((superclass != null) ? Type.getInternalName(superclass) : null, interfaces, methods, fields);
	}

	private static @Nullable Members read(Class<?> type, String internalName) {
		ClassLoader loader = (type.getClassLoader() != null) ? type.getClassLoader()
				: ClassLoader.getSystemClassLoader();
		try (InputStream input = loader.getResourceAsStream(internalName + ".class")) {
			if (input == null) {
				return null;
			}
			Set<String> methods = new HashSet<>();
			Set<String> fields = new HashSet<>();
			@Nullable String[] superName = new String[1];
			List<String> interfaces = new ArrayList<>();
			new ClassReader(input).accept(new ClassVisitor(SpringAsmInfo.ASM_VERSION) {

				@Override
				public void visit(int version, int access, String name, @Nullable String signature,
						@Nullable String superClass, String @Nullable [] superInterfaces) {
					superName[0] = superClass;
					if (superInterfaces != null) {
						interfaces.addAll(List.of(superInterfaces));
					}
				}

				@Override
				public @Nullable FieldVisitor visitField(int access, String name, String descriptor,
						@Nullable String signature, @Nullable Object value) {
					fields.add(name + ":" + descriptor);
					return null;
				}

				@Override
				public @Nullable MethodVisitor visitMethod(int access, String name, String descriptor,
						@Nullable String signature, String @Nullable [] exceptions) {
					methods.add(name + descriptor);
					return null;
				}

			}, ClassReader.SKIP_CODE);
			return new Members(superName[0], List.copyOf(interfaces), methods, fields);
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * The members a class declares, as name and descriptor.
	 *
	 * @param superName the internal name of the superclass, or {@code null}
	 * @param interfaces the internal names of the direct interfaces
	 * @param methods methods and constructors, as name followed by descriptor
	 * @param fields fields, as name, {@code :} and descriptor
	 */
	record Members(@Nullable String superName, List<String> interfaces, Set<String> methods, Set<String> fields) {

	}

}
