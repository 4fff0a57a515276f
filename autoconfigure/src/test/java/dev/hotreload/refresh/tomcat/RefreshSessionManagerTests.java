package dev.hotreload.refresh.tomcat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.apache.catalina.session.StandardManager;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RefreshSessionManager} in a real embedded Tomcat, started and stopped
 * as a refresh does.
 */
class RefreshSessionManagerTests {

	@TempDir
	Path temp;

	@Test
	void sessionsSavedAtStopAreLoadedAtTheNextStart() throws Exception {
		String id = runAndSave(new RefreshSessionManager(), "cart", "apple");
		assertThat(Files.exists(this.temp.resolve("SESSIONS.ser"))).isTrue();
		assertThat(load(new RefreshSessionManager(), id)).isEqualTo("apple");
	}

	@Test
	void sessionsSavedByTomcatsOwnManagerAreLoaded() throws Exception {
		String id = runAndSave(new StandardManager(), "cart", "pear");
		assertThat(load(new RefreshSessionManager(), id)).isEqualTo("pear");
	}

	@Test
	void installReplacesOnlyAPersistentStandardManager() {
		Tomcat tomcat = new Tomcat();
		Context persistent = tomcat.addContext("/persistent", this.temp.toString());
		StandardManager standard = new StandardManager();
		standard.setPathname(this.temp.resolve("SESSIONS.ser").toString());
		persistent.setManager(standard);
		RefreshSessionManager.install(persistent);
		assertThat(persistent.getManager()).isInstanceOf(RefreshSessionManager.class);
		assertThat(((StandardManager) persistent.getManager()).getPathname()).isEqualTo(standard.getPathname());

		Context notPersistent = tomcat.addContext("/other", this.temp.toString());
		RefreshSessionManager.install(notPersistent);
		assertThat(notPersistent.getManager()).isNull();
	}

	private String runAndSave(StandardManager manager, String name, String value) throws Exception {
		Tomcat tomcat = tomcat(manager);
		tomcat.start();
		try {
			Session session = manager.createSession(null);
			session.getSession().setAttribute(name, value);
			return session.getId();
		}
		finally {
			tomcat.stop();
			tomcat.destroy();
		}
	}

	private Object load(StandardManager manager, String id) throws Exception {
		Tomcat tomcat = tomcat(manager);
		tomcat.start();
		try {
			assertThat(Files.exists(this.temp.resolve("SESSIONS.ser"))).as("deleted once loaded").isFalse();
			Session session = manager.findSession(id);
			assertThat(session).isNotNull();
			return session.getSession().getAttribute("cart");
		}
		finally {
			tomcat.stop();
			tomcat.destroy();
		}
	}

	private Tomcat tomcat(StandardManager manager) throws Exception {
		Tomcat tomcat = new Tomcat();
		tomcat.setBaseDir(Files.createDirectories(this.temp.resolve("tomcat")).toString());
		tomcat.setPort(-1);
		Context context = tomcat.addContext("", Files.createDirectories(this.temp.resolve("docs")).toString());
		manager.setPathname(this.temp.resolve("SESSIONS.ser").toString());
		context.setManager(manager);
		return tomcat;
	}

}
