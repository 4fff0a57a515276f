package dev.hotreload.linkage;

import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.Label;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.asm.Type;

/**
 * Collects what a class file refers to in other classes: the classes it names, the
 * methods and constructors it calls (directly, and through method references and
 * lambdas), and the fields it reads or writes.
 */
final class References {

	private References() {
	}

	/**
	 * Read the references of a class file.
	 * @param classFile the bytes of the class file
	 * @return the references, in order of appearance
	 */
	static Set<Reference> of(byte[] classFile) {
		Collector collector = new Collector();
		new ClassReader(classFile).accept(collector, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
		return collector.references;
	}

	/**
	 * What is referred to.
	 */
	enum Kind {

		CLASS, METHOD, FIELD

	}

	/**
	 * One reference to another class or to one of its members.
	 *
	 * @param kind what is referred to
	 * @param owner the internal name of the class
	 * @param name the member's name (the JVM's init name for a constructor), empty for a
	 * class
	 * @param descriptor the member's descriptor, empty for a class
	 */
	record Reference(Kind kind, String owner, String name, String descriptor) {

		static Reference ofClass(String internalName) {
			return new Reference(Kind.CLASS, internalName, "", "");
		}

	}

	private static final class Collector extends ClassVisitor {

		private final Set<Reference> references = new LinkedHashSet<>();

		Collector() {
			super(SpringAsmInfo.ASM_VERSION);
		}

		@Override
		public void visit(int version, int access, String name, @Nullable String signature, @Nullable String superName,
				String @Nullable [] interfaces) {
			if (superName != null) {
				addType(superName);
			}
			if (interfaces != null) {
				for (String type : interfaces) {
					addType(type);
				}
			}
		}

		@Override
		public MethodVisitor visitMethod(int access, String name, String descriptor, @Nullable String signature,
				String @Nullable [] exceptions) {
			return new MethodVisitor(SpringAsmInfo.ASM_VERSION) {

				@Override
				public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
						boolean isInterface) {
					addMember(Kind.METHOD, owner, name, descriptor);
				}

				@Override
				public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
					addMember(Kind.FIELD, owner, name, descriptor);
				}

				@Override
				public void visitTypeInsn(int opcode, String type) {
					addType(type);
				}

				@Override
				public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
					addType(descriptor);
				}

				@Override
				public void visitTryCatchBlock(Label start, Label end, Label handler, @Nullable String type) {
					if (type != null) {
						addType(type);
					}
				}

				@Override
				public void visitLdcInsn(Object value) {
					addConstant(value);
				}

				@Override
				public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrapMethodHandle,
						Object... bootstrapMethodArguments) {
					addConstant(bootstrapMethodHandle);
					for (Object argument : bootstrapMethodArguments) {
						addConstant(argument);
					}
				}

			};
		}

		private void addConstant(Object value) {
			if (value instanceof Type type) {
				if (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY) {
					addType(type.getInternalName());
				}
			}
			else if (value instanceof Handle handle) {
				Kind kind = (handle.getTag() <= Opcodes.H_PUTSTATIC) ? Kind.FIELD : Kind.METHOD;
				addMember(kind, handle.getOwner(), handle.getName(), handle.getDesc());
			}
		}

		// Array types refer to their element class, which is the one that must exist.
		private void addType(String internalNameOrDescriptor) {
			String owner = elementClass(internalNameOrDescriptor);
			if (owner != null) {
				this.references.add(Reference.ofClass(owner));
			}
		}

		private void addMember(Kind kind, String owner, String name, String descriptor) {
			if (owner.startsWith("[")) {
				// clone() and length of arrays: only the element class has to exist
				addType(owner);
				return;
			}
			this.references.add(new Reference(kind, owner, name, descriptor));
		}

		private static @Nullable String elementClass(String internalNameOrDescriptor) {
			if (!internalNameOrDescriptor.startsWith("[")) {
				return internalNameOrDescriptor;
			}
			Type element = Type.getType(internalNameOrDescriptor).getElementType();
			return (element.getSort() == Type.OBJECT) ? element.getInternalName() : null;
		}

	}

}
