package dev.hotreload.testsupport;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.ClassWriter;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.asm.Type;

/**
 * Rewrites real class files into ones of the same shape that the JVM's verifier rejects,
 * as a broken bytecode tool could write them.
 */
public final class UnverifiableClassFiles {

	private UnverifiableClassFiles() {
	}

	/**
	 * Return a copy of a class file in which the body of a method that returns an object
	 * returns the {@code int} zero instead.
	 * @param classFile the content of a valid class file
	 * @param methodName the name of an instance method that returns a reference
	 * @return the content of the rewritten class file
	 */
	public static byte[] returningIntAsObject(byte[] classFile, String methodName) {
		ClassWriter writer = new ClassWriter(0);
		new ClassReader(classFile).accept(new ClassVisitor(SpringAsmInfo.ASM_VERSION, writer) {

			@Override
			public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
					String[] exceptions) {
				MethodVisitor visitor = super.visitMethod(access, name, descriptor, signature, exceptions);
				if (!methodName.equals(name)) {
					return visitor;
				}
				visitor.visitCode();
				visitor.visitInsn(Opcodes.ICONST_0);
				visitor.visitInsn(Opcodes.ARETURN);
				// The receiver and the parameters, which the original body had as locals
				visitor.visitMaxs(1, Type.getArgumentsAndReturnSizes(descriptor) >> 2);
				visitor.visitEnd();
				return null;
			}

		}, 0);
		return writer.toByteArray();
	}

}
