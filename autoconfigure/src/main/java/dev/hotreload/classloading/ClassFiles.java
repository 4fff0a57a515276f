package dev.hotreload.classloading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.util.Assert;

/**
 * The class files of one top-level class and of its nested, inner and anonymous classes
 * ({@code Outer$*}), read at one moment from a class directory. A generation is defined
 * from such a snapshot, so that a file rewritten later cannot mix two versions.
 */
public final class ClassFiles {

	private static final long RETRY_PAUSE_MILLIS = 5;

	private final String className;

	private final Map<String, byte[]> bytesByClassName;

	private ClassFiles(String className, Map<String, byte[]> bytesByClassName) {
		this.className = className;
		this.bytesByClassName = Collections.unmodifiableMap(bytesByClassName);
	}

	/**
	 * Read the class files of a top-level class from a class directory. A file that is
	 * missing, truncated or corrupt is read again until {@code patience} has passed,
	 * since a compiler or an IDE may still be writing it.
	 * @param root the class directory
	 * @param className the binary name of the top-level class
	 * @param patience how long to retry a file that cannot be read or parsed
	 * @return the class files
	 * @throws IOException if the files cannot be listed or read
	 * @throws ClassFormatError if a file stays truncated or corrupt
	 * @throws UnsupportedClassVersionError if a file was compiled for a newer Java than
	 * the one that runs, without retrying
	 * @see ClassFileVersion
	 */
	public static ClassFiles read(Path root, String className, Duration patience) throws IOException {
		Assert.notNull(root, "'root' must not be null");
		Assert.hasText(className, "'className' must not be empty");
		long deadline = System.nanoTime() + patience.toNanos();
		while (true) {
			try {
				return readOnce(root, className);
			}
			catch (UnsupportedClassVersionError ex) {
				// A whole file of another version, not one still being written.
				throw ex;
			}
			catch (IOException | ClassFormatError ex) {
				if (System.nanoTime() >= deadline) {
					throw ex;
				}
				sleep();
			}
		}
	}

	private static ClassFiles readOnce(Path root, String className) throws IOException {
		Path mainFile = root.resolve(ClassFileNames.toRelativePath(className));
		if (!Files.isRegularFile(mainFile)) {
			throw new NoSuchFileException(mainFile.toString(), null, "class file of " + className + " not found");
		}
		String mainFileName = mainFile.getFileName().toString();
		String simpleName = mainFileName.substring(0, mainFileName.length() - ClassFileNames.SUFFIX.length());
		Map<String, byte[]> result = new TreeMap<>();
		try (Stream<Path> siblings = Files.list(mainFile.getParent())) {
			for (Path file : (Iterable<Path>) siblings::iterator) {
				String fileName = file.getFileName().toString();
				if (ClassFileNames.isClassFile(fileName)
						&& (fileName.equals(mainFileName) || fileName.startsWith(simpleName + "$"))) {
					String name = packagePrefix(className) + ClassFileNames.toClassName(fileName);
					result.put(name, validated(name, Files.readAllBytes(file)));
				}
			}
		}
		return new ClassFiles(className, result);
	}

	private static byte[] validated(String name, byte[] bytes) {
		ClassFileVersion.check(ClassFileNames.toRelativePath(name), bytes);
		try {
			ClassReader reader = new ClassReader(bytes);
			// Parse the whole file, so that a truncated method body is found here.
			reader.accept(new ClassVisitor(SpringAsmInfo.ASM_VERSION) {
			}, 0);
			if (!reader.getClassName().equals(ClassFileNames.toInternalName(name))) {
				throw new ClassFormatError("Class file of " + name + " declares " + reader.getClassName());
			}
			return bytes;
		}
		catch (ClassFormatError ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new ClassFormatError(
					"Truncated or corrupt class file of " + name + " (" + bytes.length + " bytes): " + ex);
		}
	}

	private static String packagePrefix(String className) {
		int lastDot = className.lastIndexOf('.');
		return (lastDot != -1) ? className.substring(0, lastDot + 1) : "";
	}

	private static void sleep() {
		try {
			Thread.sleep(RETRY_PAUSE_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a class file", ex);
		}
	}

	/**
	 * Return the name of the top-level class.
	 * @return the binary name of the top-level class
	 */
	public String className() {
		return this.className;
	}

	/**
	 * Return the names of all classes in this snapshot.
	 * @return the binary names of the top-level class and its nested classes
	 */
	public Set<String> classNames() {
		return this.bytesByClassName.keySet();
	}

	/**
	 * Return the bytes of one class of this snapshot.
	 * @param name the binary name of the class
	 * @return its bytes, or {@code null} if the snapshot does not hold it
	 */
	public byte @Nullable [] bytes(String name) {
		return this.bytesByClassName.get(name);
	}

	/**
	 * Return this snapshot with the bytes of each class that a loader has defined
	 * replaced by the bytes it was defined from, when the loader remembers them: a file
	 * rewritten after its class was loaded then differs from the snapshot, as it differs
	 * from the class that runs.
	 * @param loader the loader of the classes
	 * @return the snapshot of what the loader runs, where known
	 * @see DefinedClassBytes
	 */
	public ClassFiles asDefinedBy(@Nullable ClassLoader loader) {
		if (!(loader instanceof DefinedClassBytes defined)) {
			return this;
		}
		Map<String, byte[]> result = new TreeMap<>(this.bytesByClassName);
		result.replaceAll((name, bytes) -> {
			byte[] definedBytes = defined.definedBytes(name);
			return (definedBytes != null) ? definedBytes : bytes;
		});
		return new ClassFiles(this.className, result);
	}

	/**
	 * Tell whether another snapshot holds exactly the same classes with the same bytes,
	 * as after a {@code touch} or an identical recompilation.
	 * @param other the other snapshot
	 * @return whether the two are byte for byte the same
	 */
	public boolean sameBytesAs(@Nullable ClassFiles other) {
		if (other == null || !this.bytesByClassName.keySet().equals(other.bytesByClassName.keySet())) {
			return false;
		}
		return this.bytesByClassName.entrySet()
			.stream()
			.allMatch((entry) -> Arrays.equals(entry.getValue(), other.bytesByClassName.get(entry.getKey())));
	}

	/**
	 * Tell whether a class is a given class or one of its nested, inner, anonymous or
	 * lambda classes, whose names all start with the class's name and a {@code $}.
	 * @param className the binary name of the class that may own the other
	 * @param candidate the binary name of the class to test
	 * @return whether {@code candidate} is {@code className} or {@code className$...}
	 */
	public static boolean isSameOrNested(String className, String candidate) {
		return candidate.equals(className) || (candidate.startsWith(className)
				&& candidate.length() > className.length() && candidate.charAt(className.length()) == '$');
	}

	/**
	 * Return the binary name of the top-level class that a class belongs to.
	 * @param className a binary class name, possibly of a nested class
	 * @return the name of its top-level class
	 */
	public static String topLevelClassName(String className) {
		int lastDot = className.lastIndexOf('.');
		int dollar = className.indexOf('$', lastDot + 1);
		return (dollar != -1) ? className.substring(0, dollar) : className;
	}

}
