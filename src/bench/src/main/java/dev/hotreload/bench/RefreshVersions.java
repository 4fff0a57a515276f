package dev.hotreload.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.ClassWriter;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.util.Assert;

/**
 * New versions of the sample that only a full refresh can apply: a {@code VisitCounter}
 * with a new greeting (as {@link GreetingVersions} writes it) together with a
 * {@code SampleController} whose shape changed. The controller is not a reloadable bean
 * and gains a private method {@code refreshMarker<version>()}, named anew for each
 * version, so that every version differs in shape from the one running; hot reload cannot
 * redefine that in place, and the batch of both files goes to one refresh.
 */
final class RefreshVersions {

	static final String CONTROLLER_CLASS_FILE = "dev/hotreload/sample/SampleController.class";

	private final GreetingVersions greetings;

	private final byte[] controller;

	RefreshVersions(GreetingVersions greetings) throws IOException {
		this.greetings = greetings;
		this.controller = Files.readAllBytes(greetings.classDirectory().resolve(CONTROLLER_CLASS_FILE));
	}

	/**
	 * Write a version of both classes next to the class directory, then move the
	 * controller and then the visit counter in, one right after the other, so that the
	 * watcher's quiet period takes them as one batch.
	 * @param version the version
	 * @return the nano time right after the last move
	 * @throws IOException if a file cannot be written
	 */
	long install(int version) throws IOException {
		Path controller = Files.write(this.greetings.staging().resolve("SampleController.class"),
				withMarker(this.controller, version));
		Path counter = this.greetings.stage(version);
		Path classes = this.greetings.classDirectory();
		GreetingVersions.moveIn(controller, classes.resolve(CONTROLLER_CLASS_FILE));
		GreetingVersions.moveIn(counter, classes.resolve(GreetingVersions.CLASS_FILE));
		return System.nanoTime();
	}

	/**
	 * Return the name of the method that a version adds to the controller.
	 * @param version the version
	 * @return the method's name
	 */
	static String markerName(int version) {
		Assert.isTrue(version > 0, "'version' must be positive");
		return "refreshMarker" + version;
	}

	// Spring's repackaged ASM, which spring-core carries: a class file with one more
	// method, as javac writes it for an added "private void refreshMarkerN() {}".
	private static byte[] withMarker(byte[] classFile, int version) {
		ClassReader reader = new ClassReader(classFile);
		ClassWriter writer = new ClassWriter(reader, 0);
		reader.accept(new ClassVisitor(SpringAsmInfo.ASM_VERSION, writer) {

			@Override
			public void visitEnd() {
				MethodVisitor method = super.visitMethod(Opcodes.ACC_PRIVATE, markerName(version), "()V", null, null);
				method.visitCode();
				method.visitInsn(Opcodes.RETURN);
				method.visitMaxs(0, 1);
				method.visitEnd();
				super.visitEnd();
			}

		}, 0);
		return writer.toByteArray();
	}

}
