package dev.hotreload.redefine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.RecordComponentVisitor;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.asm.Type;
import org.springframework.util.Assert;

/**
 * What of a class the JVM refuses to change when it redefines the class in place: its
 * modifiers, superclass and interfaces, its fields (in order), the signatures and
 * modifiers of its methods and constructors, and its nest, record and sealed attributes.
 * Method bodies, constants and annotations are not part of the shape.
 *
 * @param name the binary class name
 * @param access the class's modifiers
 * @param superName the internal name of the superclass, or {@code null} for
 * {@code Object}
 * @param interfaces the internal names of the direct interfaces, in order
 * @param fields the fields, in declaration order
 * @param methods the methods and constructors
 * @param nestHost the internal name of the nest host, or {@code null}
 * @param nestMembers the internal names of the nest members (nested classes)
 * @param permittedSubclasses the internal names of the permitted subclasses
 * @param recordComponents the record components, in order
 */
public record ClassShape(String name, int access, @Nullable String superName, List<String> interfaces,
		List<Member> fields, Set<Member> methods, @Nullable String nestHost, Set<String> nestMembers,
		Set<String> permittedSubclasses, List<Member> recordComponents) {

	// ACC_SUPER is set by every compiler and ignored by the JVM; ASM's pseudo flags
	// (deprecated, record) sit above the 16 bits of the class file.
	private static final int CLASS_ACCESS_MASK = 0xFFFF & ~Opcodes.ACC_SUPER;

	private static final int MEMBER_ACCESS_MASK = 0xFFFF;

	/**
	 * Read the shape of a class file.
	 * @param classFile the bytes of the class file
	 * @return its shape
	 * @throws IllegalArgumentException if the bytes are not a class file
	 */
	public static ClassShape read(byte[] classFile) {
		Assert.notNull(classFile, "'classFile' must not be null");
		Reader reader = new Reader();
		new ClassReader(classFile).accept(reader, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG);
		return reader.shape();
	}

	/**
	 * Describe how another version of the class differs in shape from this one.
	 * @param other the other version, usually the new one
	 * @return one line per difference, such as {@code method getFullName() added}; empty
	 * if the shapes are the same and the JVM can redefine this class with the other
	 * version
	 */
	public List<String> differencesTo(ClassShape other) {
		Assert.notNull(other, "'other' must not be null");
		List<String> differences = new ArrayList<>();
		if (!this.name.equals(other.name)) {
			differences.add("class name changed to " + other.name);
		}
		if (this.access != other.access) {
			differences.add("class modifiers changed");
		}
		if (!Objects.equals(this.superName, other.superName)) {
			differences.add("superclass changed to " + readable(other.superName));
		}
		if (!this.interfaces.equals(other.interfaces)) {
			differences.add("interfaces changed to " + other.interfaces.stream().map(ClassShape::readable).toList());
		}
		compareFields(other, differences);
		compareMethods(other, differences);
		if (!Objects.equals(this.nestHost, other.nestHost) || !this.nestMembers.equals(other.nestMembers)) {
			differences.add("nested classes changed (" + nestDifference(other) + ")");
		}
		if (!this.permittedSubclasses.equals(other.permittedSubclasses)) {
			differences.add("permitted subclasses changed");
		}
		if (!this.recordComponents.equals(other.recordComponents)) {
			differences.add("record components changed");
		}
		return differences;
	}

	private void compareFields(ClassShape other, List<String> differences) {
		Map<String, Member> before = byName(this.fields);
		Map<String, Member> after = byName(other.fields);
		int count = differences.size();
		after.forEach((name, field) -> {
			Member old = before.get(name);
			if (old == null) {
				differences.add("field " + name + " added");
			}
			else if (!old.descriptor.equals(field.descriptor)) {
				differences
					.add("type of field " + name + " changed to " + Type.getType(field.descriptor).getClassName());
			}
			else if (old.access != field.access) {
				differences.add("modifiers of field " + name + " changed");
			}
		});
		before.keySet()
			.stream()
			.filter((name) -> !after.containsKey(name))
			.forEach((name) -> differences.add("field " + name + " removed"));
		if (differences.size() == count && !this.fields.equals(other.fields)) {
			differences.add("fields reordered");
		}
	}

	private void compareMethods(ClassShape other, List<String> differences) {
		Map<String, Member> before = bySignature(this.methods);
		Map<String, Member> after = bySignature(other.methods);
		after.forEach((signature, method) -> {
			Member old = before.get(signature);
			if (old == null) {
				boolean sameParameters = before.values().stream().anyMatch(method::sameParametersAs);
				differences.add(method.describe() + (sameParameters ? " changed its return type" : " added"));
			}
			else if (old.access != method.access) {
				differences.add("modifiers of " + method.describe() + " changed");
			}
		});
		before.forEach((signature, method) -> {
			if (!after.containsKey(signature) && after.values().stream().noneMatch(method::sameParametersAs)) {
				differences.add(method.describe() + " removed");
			}
		});
	}

	private static Map<String, Member> byName(Collection<Member> members) {
		Map<String, Member> result = new LinkedHashMap<>();
		members.forEach((member) -> result.put(member.name, member));
		return result;
	}

	private static Map<String, Member> bySignature(Collection<Member> members) {
		Map<String, Member> result = new TreeMap<>();
		members.forEach((member) -> result.put(member.name + member.descriptor, member));
		return result;
	}

	private String nestDifference(ClassShape other) {
		Set<String> added = new TreeSet<>(other.nestMembers);
		added.removeAll(this.nestMembers);
		Set<String> removed = new TreeSet<>(this.nestMembers);
		removed.removeAll(other.nestMembers);
		List<String> parts = new ArrayList<>();
		added.forEach((name) -> parts.add(readable(name) + " added"));
		removed.forEach((name) -> parts.add(readable(name) + " removed"));
		if (parts.isEmpty()) {
			parts.add("nest host " + readable(other.nestHost));
		}
		return String.join(", ", parts);
	}

	private static String readable(@Nullable String internalName) {
		return (internalName != null) ? internalName.replace('/', '.') : "java.lang.Object";
	}

	/**
	 * A field, method, constructor or record component: its name, descriptor and
	 * modifiers.
	 *
	 * @param name the member's name (the JVM's init name for a constructor)
	 * @param descriptor its JVM descriptor
	 * @param access its modifiers
	 */
	public record Member(String name, String descriptor, int access) {

		boolean sameParametersAs(Member other) {
			return this.name.equals(other.name)
					&& Arrays.equals(Type.getArgumentTypes(this.descriptor), Type.getArgumentTypes(other.descriptor));
		}

		/**
		 * Describe a method or constructor for people, such as
		 * {@code method getFullName(java.lang.String)}.
		 * @return the description
		 */
		String describe() {
			boolean constructor = "<init>".equals(this.name);
			boolean initializer = "<clinit>".equals(this.name);
			if (initializer) {
				return "static initializer";
			}
			StringBuilder description = new StringBuilder(constructor ? "constructor " : "method " + this.name);
			description.append('(');
			Type[] arguments = Type.getArgumentTypes(this.descriptor);
			for (int i = 0; i < arguments.length; i++) {
				description.append((i > 0) ? ", " : "").append(arguments[i].getClassName());
			}
			return description.append(')').toString();
		}

	}

	private static final class Reader extends ClassVisitor {

		private String name = "";

		private int access;

		private @Nullable String superName;

		private List<String> interfaces = List.of();

		private final List<Member> fields = new ArrayList<>();

		private final Set<Member> methods = new LinkedHashSet<>();

		private @Nullable String nestHost;

		private final Set<String> nestMembers = new TreeSet<>();

		private final Set<String> permittedSubclasses = new TreeSet<>();

		private final List<Member> recordComponents = new ArrayList<>();

		Reader() {
			super(SpringAsmInfo.ASM_VERSION);
		}

		@Override
		public void visit(int version, int access, String name, @Nullable String signature, @Nullable String superName,
				String @Nullable [] interfaces) {
			this.name = name.replace('/', '.');
			this.access = access & CLASS_ACCESS_MASK;
			this.superName = superName;
			this.interfaces = (interfaces != null) ? List.of(interfaces) : List.of();
		}

		@Override
		public void visitNestHost(String nestHost) {
			this.nestHost = nestHost;
		}

		@Override
		public void visitNestMember(String nestMember) {
			this.nestMembers.add(nestMember);
		}

		@Override
		public void visitPermittedSubclass(String permittedSubclass) {
			this.permittedSubclasses.add(permittedSubclass);
		}

		@Override
		public @Nullable RecordComponentVisitor visitRecordComponent(String name, String descriptor,
				@Nullable String signature) {
			this.recordComponents.add(new Member(name, descriptor, 0));
			return null;
		}

		@Override
		public @Nullable FieldVisitor visitField(int access, String name, String descriptor, @Nullable String signature,
				@Nullable Object value) {
			this.fields.add(new Member(name, descriptor, access & MEMBER_ACCESS_MASK));
			return null;
		}

		@Override
		public @Nullable MethodVisitor visitMethod(int access, String name, String descriptor,
				@Nullable String signature, String @Nullable [] exceptions) {
			// The JVM lets a redefinition switch a method between native and not.
			this.methods.add(new Member(name, descriptor, access & MEMBER_ACCESS_MASK & ~Opcodes.ACC_NATIVE));
			return null;
		}

		ClassShape shape() {
			return new ClassShape(this.name, this.access, this.superName, this.interfaces, List.copyOf(this.fields),
					Set.copyOf(this.methods), this.nestHost, Set.copyOf(this.nestMembers),
					Set.copyOf(this.permittedSubclasses), List.copyOf(this.recordComponents));
		}

	}

}
