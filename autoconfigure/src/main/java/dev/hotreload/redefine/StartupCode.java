package dev.hotreload.redefine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.AnnotationVisitor;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.Label;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.asm.Type;
import org.springframework.util.Assert;
import org.springframework.util.ObjectUtils;

/**
 * The code of a class that Spring runs only while it creates the context: its
 * {@code @Bean} methods, its {@code @PostConstruct} methods and
 * {@code afterPropertiesSet()}, the constructors of a class that declares any of them (a
 * bean), and the methods and lambdas of the class they call; and the static initializer
 * of any class, which ran when the class was initialized. A new body of such code,
 * redefined in place, would never run: only a refresh applies it.
 */
public final class StartupCode {

	private static final String BEAN = "Lorg/springframework/context/annotation/Bean;";

	private static final Set<String> POST_CONSTRUCT = Set.of("Ljakarta/annotation/PostConstruct;",
			"Ljavax/annotation/PostConstruct;");

	private static final String AFTER_PROPERTIES_SET = "afterPropertiesSet()V";

	private static final String BEAN_ROLE = "@Bean";

	private static final String STATIC_INITIALIZER = "<clinit>()V";

	private static final String STATIC_INITIALIZER_CHANGED = "static initializer changed: a redefinition does not "
			+ "run it again";

	private final String simpleName;

	// By name and descriptor, sorted so that the reasons come in a stable order.
	private final Map<String, Method> methods;

	private StartupCode(String simpleName, Map<String, Method> methods) {
		this.simpleName = simpleName;
		this.methods = methods;
	}

	/**
	 * Read the startup code of a class file.
	 * @param classFile the bytes of the class file
	 * @return its startup code
	 * @throws IllegalArgumentException if the bytes are not a class file
	 */
	public static StartupCode read(byte[] classFile) {
		Assert.notNull(classFile, "'classFile' must not be null");
		Reader reader = new Reader();
		// Line numbers move when another method grows, and frames follow from the code.
		new ClassReader(classFile).accept(reader, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
		return reader.startupCode();
	}

	/**
	 * Tell whether the class has code that runs only at startup.
	 * @return {@code true} if it declares a {@code @Bean}, {@code @PostConstruct} or
	 * {@code afterPropertiesSet()} method
	 */
	public boolean hasStartupMethods() {
		return this.methods.values().stream().anyMatch((method) -> method.role() != null);
	}

	/**
	 * Describe the changes of another version of the class, usually the new one, to code
	 * that runs only at startup: a changed body or changed annotations of such a method,
	 * or of a method or lambda of the class that one calls.
	 * @param other the other version, of the same shape
	 * @return one reason per changed method, such as {@code @Bean method appName() of a
	 * configuration class runs only at startup} or {@code static initializer changed: a
	 * redefinition does not run it again}; empty if no startup code changed
	 */
	public List<String> changesTo(StartupCode other) {
		Assert.notNull(other, "'other' must not be null");
		boolean bean = hasStartupMethods() || other.hasStartupMethods();
		// Each method that runs at startup, with the startup method that calls it (itself
		// for a startup method), from both versions.
		Map<String, Method> rootOf = new LinkedHashMap<>();
		Deque<String> queue = new ArrayDeque<>();
		for (StartupCode version : List.of(other, this)) {
			version.methods.forEach((signature, method) -> {
				if ((method.role() != null || (bean && method.isConstructor()))
						&& rootOf.putIfAbsent(signature, method) == null) {
					queue.add(signature);
				}
			});
		}
		while (!queue.isEmpty()) {
			String signature = queue.remove();
			Method root = Objects.requireNonNull(rootOf.get(signature));
			for (StartupCode version : List.of(other, this)) {
				Method method = version.methods.get(signature);
				if (method != null) {
					method.callees()
						.stream()
						.filter((callee) -> rootOf.putIfAbsent(callee, root) == null)
						.forEach(queue::add);
				}
			}
		}
		List<String> reasons = new ArrayList<>();
		// The JVM ran the static initializer when it initialized the class, and a
		// redefinition keeps the static values it set.
		if (!Objects.equals(code(this.methods.get(STATIC_INITIALIZER)), code(other.methods.get(STATIC_INITIALIZER)))) {
			reasons.add(STATIC_INITIALIZER_CHANGED);
		}
		new TreeMap<>(rootOf).forEach((signature, root) -> {
			Method before = this.methods.get(signature);
			Method after = other.methods.get(signature);
			if (before != null && after != null && !before.code().equals(after.code())) {
				String changed = describe(after, bean);
				String caller = describe(root, bean);
				reasons.add(changed.equals(caller) ? caller + " runs only at startup"
						: changed + " is called by " + caller + ", which runs only at startup");
			}
		});
		return reasons;
	}

	private static @Nullable String code(@Nullable Method method) {
		return (method != null) ? method.code() : null;
	}

	private String describe(Method method, boolean bean) {
		StringBuilder description = new StringBuilder();
		if (method.isConstructor()) {
			description.append("constructor ").append(this.simpleName);
		}
		else if (method.role() != null) {
			description.append(method.role().isEmpty() ? "" : method.role() + " ")
				.append("method ")
				.append(method.name());
		}
		else {
			description.append(method.name().startsWith("lambda$") ? "lambda " : "method ").append(method.name());
		}
		description.append('(');
		Type[] arguments = Type.getArgumentTypes(method.descriptor());
		for (int i = 0; i < arguments.length; i++) {
			description.append((i > 0) ? ", " : "").append(arguments[i].getClassName());
		}
		description.append(')');
		if (BEAN_ROLE.equals(method.role())) {
			description.append(" of a configuration class");
		}
		else if (method.isConstructor() && bean) {
			description.append(" of a bean");
		}
		return description.toString();
	}

	/**
	 * One method or constructor.
	 *
	 * @param name its name
	 * @param descriptor its JVM descriptor
	 * @param role {@code "@Bean"} or {@code "@PostConstruct"} for a method of that
	 * annotation, {@code ""} for {@code afterPropertiesSet()}, {@code null} for any other
	 * @param code its instructions and visible annotations, every constant resolved
	 * @param callees the methods of the same class it calls or makes a lambda of, by name
	 * and descriptor
	 */
	private record Method(String name, String descriptor, @Nullable String role, String code, Set<String> callees) {

		boolean isConstructor() {
			return "<init>".equals(this.name);
		}

	}

	private static final class Reader extends ClassVisitor {

		private String internalName = "";

		private final Map<String, Method> methods = new TreeMap<>();

		Reader() {
			super(SpringAsmInfo.ASM_VERSION);
		}

		@Override
		public void visit(int version, int access, String name, @Nullable String signature, @Nullable String superName,
				String @Nullable [] interfaces) {
			this.internalName = name;
		}

		@Override
		public @Nullable MethodVisitor visitMethod(int access, String name, String descriptor,
				@Nullable String signature, String @Nullable [] exceptions) {
			return new CodeReader(this.internalName, name, descriptor,
					(method) -> this.methods.put(name + descriptor, method));
		}

		StartupCode startupCode() {
			String simpleName = this.internalName.substring(this.internalName.lastIndexOf('/') + 1);
			return new StartupCode(simpleName.substring(simpleName.lastIndexOf('$') + 1), this.methods);
		}

	}

	/**
	 * Writes a method's code as text in which only what it does counts: constants,
	 * members and types by name, jump targets numbered in order, no constant pool index,
	 * line number or frame.
	 */
	private static final class CodeReader extends MethodVisitor {

		private final String owner;

		private final String name;

		private final String descriptor;

		private final Consumer<Method> result;

		private @Nullable String role;

		private final StringBuilder code = new StringBuilder();

		private final Set<String> callees = new LinkedHashSet<>();

		private final Map<Label, Integer> labels = new HashMap<>();

		CodeReader(String owner, String name, String descriptor, Consumer<Method> result) {
			super(SpringAsmInfo.ASM_VERSION);
			this.owner = owner;
			this.name = name;
			this.descriptor = descriptor;
			this.result = result;
			if (AFTER_PROPERTIES_SET.equals(name + descriptor)) {
				this.role = "";
			}
		}

		@Override
		public @Nullable AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
			if (BEAN.equals(descriptor)) {
				this.role = BEAN_ROLE;
			}
			else if (POST_CONSTRUCT.contains(descriptor)) {
				this.role = "@PostConstruct";
			}
			// The JVM keeps only the annotations visible at run time.
			return visible ? annotation("@" + descriptor) : null;
		}

		@Override
		public @Nullable AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
			return visible ? annotation("@" + parameter + ":" + descriptor) : null;
		}

		private AnnotationVisitor annotation(String start) {
			append(start);
			return new AnnotationVisitor(SpringAsmInfo.ASM_VERSION) {

				@Override
				public void visit(@Nullable String name, Object value) {
					append(name, constant(value));
				}

				@Override
				public void visitEnum(@Nullable String name, String descriptor, String value) {
					append(name, descriptor, value);
				}

				@Override
				public AnnotationVisitor visitAnnotation(@Nullable String name, String descriptor) {
					append(name);
					return annotation("@" + descriptor);
				}

				@Override
				public AnnotationVisitor visitArray(@Nullable String name) {
					append(name, "[");
					return this;
				}

				@Override
				public void visitEnd() {
					append("end");
				}

			};
		}

		@Override
		public void visitInsn(int opcode) {
			append(opcode);
		}

		@Override
		public void visitIntInsn(int opcode, int operand) {
			append(opcode, operand);
		}

		@Override
		public void visitVarInsn(int opcode, int varIndex) {
			append(opcode, varIndex);
		}

		@Override
		public void visitTypeInsn(int opcode, String type) {
			append(opcode, type);
		}

		@Override
		public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
			append(opcode, owner, name, descriptor);
		}

		@Override
		public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
			append(opcode, owner, name, descriptor, isInterface);
			if (this.owner.equals(owner)) {
				this.callees.add(name + descriptor);
			}
		}

		@Override
		public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrapMethodHandle,
				Object... bootstrapMethodArguments) {
			append("indy", name, descriptor, constant(bootstrapMethodHandle));
			for (Object argument : bootstrapMethodArguments) {
				append(constant(argument));
				// A lambda's body is a method of the class: it may run at startup too.
				if (argument instanceof Handle handle && this.owner.equals(handle.getOwner())) {
					this.callees.add(handle.getName() + handle.getDesc());
				}
			}
		}

		@Override
		public void visitJumpInsn(int opcode, Label label) {
			append(opcode, label(label));
		}

		@Override
		public void visitLabel(Label label) {
			append("label", label(label));
		}

		@Override
		public void visitLdcInsn(Object value) {
			append("ldc", constant(value));
		}

		@Override
		public void visitIincInsn(int varIndex, int increment) {
			append("iinc", varIndex, increment);
		}

		@Override
		public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
			append("tableswitch", min, max, label(dflt));
			for (Label label : labels) {
				append(label(label));
			}
		}

		@Override
		public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
			append("lookupswitch", label(dflt));
			for (int i = 0; i < keys.length; i++) {
				append(keys[i], label(labels[i]));
			}
		}

		@Override
		public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
			append("multianewarray", descriptor, numDimensions);
		}

		@Override
		public void visitTryCatchBlock(Label start, Label end, Label handler, @Nullable String type) {
			append("try", label(start), label(end), label(handler), type);
		}

		@Override
		public void visitEnd() {
			this.result.accept(
					new Method(this.name, this.descriptor, this.role, this.code.toString(), Set.copyOf(this.callees)));
		}

		private int label(Label label) {
			return this.labels.computeIfAbsent(label, (key) -> this.labels.size());
		}

		// A string constant is written with its length, so that no text can pass for
		// another instruction.
		private static String constant(Object value) {
			String text = (value instanceof Type type) ? type.getDescriptor() : ObjectUtils.nullSafeToString(value);
			return value.getClass().getSimpleName() + ":" + text.length() + ":" + text;
		}

		private void append(@Nullable Object... parts) {
			for (Object part : parts) {
				this.code.append(part).append(' ');
			}
			this.code.append('\n');
		}

	}

}
