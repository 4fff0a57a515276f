package dev.hotreload.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.asm.AnnotationVisitor;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.ClassWriter;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.util.Assert;

/**
 * New versions of the sample that only a full refresh can apply: a
 * {@code SampleController} with a new mapping, {@code GET /refresh-marker/<version>}
 * answering {@code refresh marker <version>}, added anew for each version. The controller
 * is not a reloadable bean, so hot reload cannot apply a new method in place and the
 * change goes to one refresh, as a developer's new endpoint on a plain controller does.
 */
final class RefreshVersions {

	static final String CONTROLLER_CLASS_FILE = "dev/hotreload/sample/SampleController.class";

	private static final String GET_MAPPING = "Lorg/springframework/web/bind/annotation/GetMapping;";

	private final GreetingVersions greetings;

	private final byte[] controller;

	RefreshVersions(GreetingVersions greetings) throws IOException {
		this.greetings = greetings;
		this.controller = Files.readAllBytes(greetings.classDirectory().resolve(CONTROLLER_CLASS_FILE));
	}

	/**
	 * Write a version of the controller next to the class directory, then move it in.
	 * @param version the version
	 * @return the nano time right after the move
	 * @throws IOException if a file cannot be written
	 */
	long install(int version) throws IOException {
		Path controller = Files.write(this.greetings.staging().resolve("SampleController.class"),
				withMapping(this.controller, version));
		GreetingVersions.moveIn(controller, this.greetings.classDirectory().resolve(CONTROLLER_CLASS_FILE));
		return System.nanoTime();
	}

	/**
	 * Return the path that a version adds to the controller.
	 * @param version the version
	 * @return the path
	 */
	static String path(int version) {
		Assert.isTrue(version > 0, "'version' must be positive");
		return "/refresh-marker/" + version;
	}

	/**
	 * Return what the path of a version answers.
	 * @param version the version
	 * @return the body
	 */
	static String body(int version) {
		return "refresh marker " + version;
	}

	// Spring's repackaged ASM, which spring-core carries: a class file with one more
	// method, as javac writes it for an added
	// "@GetMapping("/refresh-marker/N") public String refreshMarkerN() { return "refresh
	// marker N"; }".
	private static byte[] withMapping(byte[] classFile, int version) {
		ClassReader reader = new ClassReader(classFile);
		ClassWriter writer = new ClassWriter(reader, 0);
		reader.accept(new ClassVisitor(SpringAsmInfo.ASM_VERSION, writer) {

			@Override
			public void visitEnd() {
				MethodVisitor method = super.visitMethod(Opcodes.ACC_PUBLIC, "refreshMarker" + version,
						"()Ljava/lang/String;", null, null);
				AnnotationVisitor mapping = method.visitAnnotation(GET_MAPPING, true);
				AnnotationVisitor paths = mapping.visitArray("value");
				paths.visit(null, path(version));
				paths.visitEnd();
				mapping.visitEnd();
				method.visitCode();
				method.visitLdcInsn(body(version));
				method.visitInsn(Opcodes.ARETURN);
				method.visitMaxs(1, 1);
				method.visitEnd();
				super.visitEnd();
			}

		}, 0);
		return writer.toByteArray();
	}

}
