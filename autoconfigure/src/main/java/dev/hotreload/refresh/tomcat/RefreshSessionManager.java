package dev.hotreload.refresh.tomcat;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.catalina.Context;
import org.apache.catalina.Loader;
import org.apache.catalina.Manager;
import org.apache.catalina.Session;
import org.apache.catalina.session.StandardManager;
import org.apache.catalina.session.StandardSession;
import org.apache.catalina.util.CustomObjectInputStream;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.tomcat.util.ExceptionUtils;
import org.jspecify.annotations.Nullable;

/**
 * Tomcat's {@link StandardManager}, saving the sessions when the web server stops and
 * loading them when it starts again, with each session stored on its own: a session whose
 * attributes cannot be read back, because their class changed between two runs of the
 * application, is dropped alone with a warning, and the others are kept. Tomcat's own
 * format stops at the first such session and drops it and all after it. The attributes
 * are read with the web application's class loader, whose parent is the class loader of
 * the run that starts, so a class of the project is that run's class.
 */
public class RefreshSessionManager extends StandardManager {

	private static final Log logger = LogFactory.getLog(RefreshSessionManager.class);

	// The first object of the file in this format; Tomcat's own starts with the count.
	private static final String FORMAT = "hotreload-sessions-1";

	/**
	 * Put a manager of this kind in place of the {@link StandardManager} that Spring Boot
	 * gave a context for persistent sessions ({@code server.servlet.session.persistent});
	 * a context without persistent sessions, or with a manager of another kind, is left
	 * as it is.
	 * @param context the Tomcat context
	 */
	public static void install(Context context) {
		Manager manager = context.getManager();
		if (manager != null && manager.getClass() == StandardManager.class) {
			String pathname = ((StandardManager) manager).getPathname();
			if (pathname != null && !pathname.isEmpty()) {
				RefreshSessionManager replacement = new RefreshSessionManager();
				replacement.setPathname(pathname);
				context.setManager(replacement);
			}
		}
	}

	@Override
	public void load() throws ClassNotFoundException, IOException {
		File file = file();
		List<byte[]> stored = (file != null && file.isFile()) ? read(file) : null;
		if (stored == null) {
			// No file, or one in Tomcat's own format, from a run without hot reload.
			super.load();
			return;
		}
		this.sessions.clear();
		if (!file.delete()) {
			logger.debug("Cannot delete " + file + " after reading its sessions");
		}
		ClassLoader classLoader = classLoader();
		Set<String> causes = new TreeSet<>();
		int dropped = 0;
		synchronized (this.sessions) {
			for (byte[] bytes : stored) {
				try {
					load(bytes, classLoader);
				}
				catch (ClassNotFoundException | IOException | RuntimeException ex) {
					dropped++;
					causes.add(ex.getClass().getSimpleName() + ": " + ex.getMessage());
				}
			}
		}
		if (dropped > 0) {
			logger.warn("Dropped " + dropped + " of " + stored.size()
					+ " saved HTTP sessions, whose attributes no longer fit their classes: " + String.join("; ", causes)
					+ ". Their users start new sessions; a serialVersionUID in a session attribute's class keeps its "
					+ "sessions across changes that serialization tolerates");
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Loaded " + stored.size() + " saved HTTP sessions");
		}
	}

	private void load(byte[] bytes, ClassLoader classLoader) throws ClassNotFoundException, IOException {
		Context context = getContext();
		try (ObjectInputStream in = new CustomObjectInputStream(new ByteArrayInputStream(bytes), classLoader,
				context.getLogger(), getSessionAttributeValueClassNamePattern(),
				getWarnOnSessionAttributeFilterFailure())) {
			StandardSession session = getNewSession();
			session.readObjectData(in);
			session.setManager(this);
			String id = session.getIdInternal();
			this.sessions.put(id, session);
			session.activate();
			// An expired session expires now and leaves the manager; one that was
			// invalid when it was saved must be expired too, so that it leaves as well.
			if (!session.isValid() && this.sessions.containsKey(id)) {
				session.setValid(true);
				session.expire();
			}
		}
	}

	@Override
	public void unload() throws IOException {
		File file = file();
		if (this.sessions.isEmpty() || file == null) {
			return;
		}
		List<StandardSession> saved = new ArrayList<>();
		int unsaved = 0;
		try (ObjectOutputStream out = new ObjectOutputStream(
				new BufferedOutputStream(new FileOutputStream(file.getAbsolutePath())))) {
			synchronized (this.sessions) {
				List<byte[]> serialized = new ArrayList<>();
				for (Session each : this.sessions.values()) {
					StandardSession session = (StandardSession) each;
					saved.add(session);
					session.passivate();
					try {
						serialized.add(serialize(session));
					}
					catch (IOException | RuntimeException ex) {
						unsaved++;
					}
				}
				out.writeObject(FORMAT);
				out.writeObject(serialized.size());
				for (byte[] bytes : serialized) {
					out.writeObject(bytes);
				}
			}
		}
		if (unsaved > 0) {
			logger.warn("Could not save " + unsaved + " of " + saved.size() + " HTTP sessions; their users start new "
					+ "sessions");
		}
		for (StandardSession session : saved) {
			try {
				session.expire(false);
			}
			catch (Throwable ex) {
				ExceptionUtils.handleThrowable(ex);
			}
			finally {
				session.recycle();
			}
		}
	}

	private static byte[] serialize(StandardSession session) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			session.writeObjectData(out);
		}
		return bytes.toByteArray();
	}

	// The sessions of a file in this format, or null for a file in another format.
	private static @Nullable List<byte[]> read(File file) throws IOException {
		try (InputStream stream = new BufferedInputStream(new FileInputStream(file));
				ObjectInputStream in = new ObjectInputStream(stream)) {
			// Nothing but the format, the count and byte arrays is read here.
			in.setObjectInputFilter((info) -> {
				Class<?> type = info.serialClass();
				return (type == null || type == String.class || type == Integer.class || type == Number.class
						|| type == byte[].class) ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
			});
			if (!FORMAT.equals(in.readObject())) {
				return null;
			}
			int count = (Integer) in.readObject();
			List<byte[]> sessions = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				sessions.add((byte[]) in.readObject());
			}
			return sessions;
		}
		catch (ClassNotFoundException | ClassCastException | InvalidClassException ex) {
			return null;
		}
	}

	// The web application's loader, as Tomcat's own manager reads sessions with.
	private ClassLoader classLoader() {
		Loader loader = getContext().getLoader();
		ClassLoader classLoader = (loader != null) ? loader.getClassLoader() : null;
		if (classLoader == null) {
			classLoader = Thread.currentThread().getContextClassLoader();
		}
		return (classLoader != null) ? classLoader : RefreshSessionManager.class.getClassLoader();
	}

}
