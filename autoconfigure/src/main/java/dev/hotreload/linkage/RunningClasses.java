package dev.hotreload.linkage;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
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
		return resolveMethod(owner, name, descriptor) != null;
	}

	/**
	 * Resolve a method or constructor as the JVM resolves it: in the class, its
	 * superclasses, then its interfaces.
	 * @param owner the internal name of the class the call names
	 * @param name the method's name (the JVM's init name for a constructor)
	 * @param descriptor the method's descriptor
	 * @return the class that declares it and its access flags, or {@code null} if it does
	 * not exist
	 */
	@Nullable Member resolveMethod(String owner, String name, String descriptor) {
		String signature = name + descriptor;
		if ("<init>".equals(name)) {
			Members type = members(owner);
			Integer access = (type != null) ? type.methods().get(signature) : null;
			return (access != null) ? new Member(owner, access) : null;
		}
		if (isSignaturePolymorphic(owner)) {
			// MethodHandle.invoke and VarHandle.get take any descriptor.
			return new Member(owner, Modifier.PUBLIC);
		}
		Member found = inHierarchy(owner, (type) -> type.methods().get(signature));
		return (found != null) ? found : inHierarchy(OBJECT, (type) -> type.methods().get(signature));
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
		return resolveField(owner, name, descriptor) != null;
	}

	/**
	 * Resolve a field: in the class, its interfaces, then its superclasses.
	 * @param owner the internal name of the class the access names
	 * @param name the field's name
	 * @param descriptor the field's descriptor
	 * @return the class that declares it and its access flags, or {@code null} if it does
	 * not exist
	 */
	@Nullable Member resolveField(String owner, String name, String descriptor) {
		String signature = name + ":" + descriptor;
		return inHierarchy(owner, (type) -> type.fields().get(signature));
	}

	/**
	 * Return the access flags of a class as the JVM checks them: only whether it is
	 * public counts ({@code ACC_PUBLIC}), a protected member class counting as public.
	 * @param internalName the internal name of the class
	 * @return the flags, or {@code null} if the class does not exist
	 */
	@Nullable Integer classAccess(String internalName) {
		Members type = members(internalName);
		return (type != null) ? type.access() : null;
	}

	/**
	 * Return the internal name of the superclass of a class.
	 * @param internalName the internal name of the class
	 * @return the superclass, or {@code null} for {@code Object} or a class that does not
	 * exist
	 */
	@Nullable String superName(String internalName) {
		Members type = members(internalName);
		return (type != null) ? type.superName() : null;
	}

	private static boolean isSignaturePolymorphic(String owner) {
		return "java/lang/invoke/MethodHandle".equals(owner) || "java/lang/invoke/VarHandle".equals(owner);
	}

	private @Nullable Member inHierarchy(String owner, Function<Members, @Nullable Integer> lookup) {
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
			Integer access = lookup.apply(type);
			if (access != null) {
				return new Member(name, access);
			}
			if (type.superName() != null) {
				queue.add(type.superName());
			}
			queue.addAll(type.interfaces());
		}
		return null;
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
		Map<String, Integer> methods = new HashMap<>();
		for (Method method : type.getDeclaredMethods()) {
			methods.put(method.getName() + Type.getMethodDescriptor(method), method.getModifiers());
		}
		for (Constructor<?> constructor : type.getDeclaredConstructors()) {
			methods.put("<init>" + Type.getConstructorDescriptor(constructor), constructor.getModifiers());
		}
		Map<String, Integer> fields = new HashMap<>();
		for (Field field : type.getDeclaredFields()) {
			fields.put(field.getName() + ":" + Type.getDescriptor(field.getType()), field.getModifiers());
		}
		Class<?> superclass = type.getSuperclass();
		List<String> interfaces = Arrays.stream(type.getInterfaces()).map(Type::getInternalName).toList();
		// The modifiers of a member class are those of its declaration; in the class
		// file a protected one is public, a private one package-private.
		int modifiers = type.getModifiers();
		int access = (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers)) ? Modifier.PUBLIC : 0;
		return new Members(access, (superclass != null) ? Type.getInternalName(superclass) : null, interfaces, methods,
				fields);
	}

	private static @Nullable Members read(Class<?> type, String internalName) {
		ClassLoader loader = (type.getClassLoader() != null) ? type.getClassLoader()
				: ClassLoader.getSystemClassLoader();
		try (InputStream input = loader.getResourceAsStream(internalName + ".class")) {
			if (input == null) {
				return null;
			}
			Map<String, Integer> methods = new HashMap<>();
			Map<String, Integer> fields = new HashMap<>();
			@Nullable String[] superName = new String[1];
			int[] classAccess = new int[1];
			List<String> interfaces = new ArrayList<>();
			new ClassReader(input).accept(new ClassVisitor(SpringAsmInfo.ASM_VERSION) {

				@Override
				public void visit(int version, int access, String name, @Nullable String signature,
						@Nullable String superClass, String @Nullable [] superInterfaces) {
					classAccess[0] = access & Opcodes.ACC_PUBLIC;
					superName[0] = superClass;
					if (superInterfaces != null) {
						interfaces.addAll(List.of(superInterfaces));
					}
				}

				@Override
				public @Nullable FieldVisitor visitField(int access, String name, String descriptor,
						@Nullable String signature, @Nullable Object value) {
					fields.put(name + ":" + descriptor, access);
					return null;
				}

				@Override
				public @Nullable MethodVisitor visitMethod(int access, String name, String descriptor,
						@Nullable String signature, String @Nullable [] exceptions) {
					methods.put(name + descriptor, access);
					return null;
				}

			}, ClassReader.SKIP_CODE);
			return new Members(classAccess[0], superName[0], List.copyOf(interfaces), methods, fields);
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * A resolved method, constructor or field.
	 *
	 * @param declaringClass the internal name of the class that declares it
	 * @param access its access flags ({@link Modifier} and JVM flags agree on the access
	 * bits)
	 */
	record Member(String declaringClass, int access) {

	}

	/**
	 * The members a class declares, as name and descriptor, with their access flags.
	 *
	 * @param access the class's access flags as the JVM checks them
	 * @param superName the internal name of the superclass, or {@code null}
	 * @param interfaces the internal names of the direct interfaces
	 * @param methods the access flags of the methods and constructors, by name followed
	 * by descriptor
	 * @param fields the access flags of the fields, by name, {@code :} and descriptor
	 */
	record Members(int access, @Nullable String superName, List<String> interfaces, Map<String, Integer> methods,
			Map<String, Integer> fields) {

	}

}
