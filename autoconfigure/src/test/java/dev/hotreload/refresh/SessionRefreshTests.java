package dev.hotreload.refresh;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.hotreload.ReloadRecord;
import dev.hotreload.ReloadRecord.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * HTTP sessions across a full refresh of a real application on Tomcat: the refresher
 * makes sessions persistent unless the application says otherwise, so the same browser (a
 * cookie jar here) keeps its session and its attributes, those of the project's classes
 * read by the new run's classes; a session whose attribute class changed shape is dropped
 * alone, with a warning.
 */
@ExtendWith(OutputCaptureExtension.class)
class SessionRefreshTests {

	private static final String CONTROLLER = """
			package demo;
			import jakarta.servlet.http.HttpSession;
			import org.springframework.web.bind.annotation.GetMapping;
			import org.springframework.web.bind.annotation.PathVariable;
			@org.springframework.web.bind.annotation.RestController
			public class Shop {
				@GetMapping("/count")
				public String count(HttpSession session) {
					Integer count = (Integer) session.getAttribute("count");
					count = (count == null) ? 1 : count + 1;
					session.setAttribute("count", count);
					return String.valueOf(count);
				}
				@GetMapping("/cart/{item}")
				public String add(@PathVariable String item, HttpSession session) {
					Cart cart = (Cart) session.getAttribute("cart");
					cart = (cart == null) ? new Cart(java.util.List.of(item)) : cart.with(item);
					session.setAttribute("cart", cart);
					return cart.items() + " " + (cart.getClass().getClassLoader() == Shop.class.getClassLoader());
				}
				@GetMapping("/basket/{item}")
				public String basket(@PathVariable String item, HttpSession session) {
					Basket basket = (Basket) session.getAttribute("basket");
					basket = (basket == null) ? new Basket() : basket;
					basket.add(item);
					session.setAttribute("basket", basket);
					return basket.toString();
				}
			}
			""";

	private static final String CART = """
			package demo;
			public record Cart(java.util.List<String> items) implements java.io.Serializable {
				public Cart with(String item) {
					java.util.List<String> items = new java.util.ArrayList<>(this.items);
					items.add(item);
					return new Cart(items);
				}
			}
			""";

	// No serialVersionUID: a change of shape makes the saved objects unreadable.
	private static final String BASKET = """
			package demo;
			public class Basket implements java.io.Serializable {
				private final java.util.List<String> items = new java.util.ArrayList<>();
				%s
				public void add(String item) {
					items.add(item);
				}
				@Override
				public String toString() {
					return items.toString();
				}
			}
			""";

	@TempDir
	Path temp;

	@Test
	void sessionAndItsAttributesOfProjectClassesSurviveARefresh() throws Exception {
		try (RefreshingApplication app = RefreshingApplication.start(this.temp, sources(), storeDir())) {
			Browser browser = new Browser();
			assertThat(browser.body(app, "/count")).isEqualTo("1");
			assertThat(browser.body(app, "/count")).isEqualTo("2");
			assertThat(browser.body(app, "/cart/apple")).isEqualTo("[apple] true");
			String session = browser.sessionId();
			assertThat(session).isNotNull();

			refresh(app);

			assertThat(browser.body(app, "/count")).isEqualTo("3");
			assertThat(browser.body(app, "/cart/pear")).as("the cart is of the new run's Cart class")
				.isEqualTo("[apple, pear] true");
			assertThat(browser.sessionId()).isEqualTo(session);
			assertThat(new Browser().body(app, "/count")).as("another browser").isEqualTo("1");

			refresh(app);
			assertThat(browser.body(app, "/count")).as("after a second refresh").isEqualTo("4");
		}
	}

	@Test
	void sessionWhoseAttributeClassChangedShapeIsDroppedAloneWithAWarning(CapturedOutput output) throws Exception {
		try (RefreshingApplication app = RefreshingApplication.start(this.temp, sources(), storeDir())) {
			Browser counting = new Browser();
			Browser shopping = new Browser();
			assertThat(counting.body(app, "/count")).isEqualTo("1");
			assertThat(shopping.body(app, "/basket/apple")).isEqualTo("[apple]");
			assertThat(shopping.body(app, "/count")).isEqualTo("1");
			long before = app.history().isEmpty() ? 0 : app.history().get(0).id();

			// A new field: only a refresh applies it, and it starts by itself.
			app.compile("demo.Basket", BASKET.formatted("private int discount;"));
			await().atMost(Duration.ofSeconds(90))
				.until(() -> app.history()
					.stream()
					.anyMatch((record) -> record.id() > before && record.outcome() == Outcome.REFRESHED));

			assertThat(counting.body(app, "/count")).isEqualTo("2");
			assertThat(shopping.body(app, "/count")).as("a new session").isEqualTo("1");
			assertThat(shopping.body(app, "/basket/pear")).isEqualTo("[pear]");
			assertThat(output).contains("Dropped 1 of 2 saved HTTP sessions, whose attributes no longer fit their "
					+ "classes: InvalidClassException: demo.Basket; local class incompatible");
			assertThat(output).doesNotContain("Exception loading sessions from persistent storage");
		}
	}

	@Test
	void sessionsAreNotKeptWhenTheApplicationSaysSo() throws Exception {
		try (RefreshingApplication app = RefreshingApplication.start(this.temp, sources(), storeDir(),
				"--server.servlet.session.persistent=false")) {
			Browser browser = new Browser();
			assertThat(browser.body(app, "/count")).isEqualTo("1");
			assertThat(browser.body(app, "/count")).isEqualTo("2");
			refresh(app);
			assertThat(browser.body(app, "/count")).isEqualTo("1");
		}
	}

	private String storeDir() {
		return "--server.servlet.session.store-dir=" + this.temp.resolve("sessions");
	}

	private static void refresh(RefreshingApplication app) {
		long id = app.reloader().refresh();
		ReloadRecord record = app.awaitRecord(id);
		assertThat(record.outcome()).isEqualTo(Outcome.REFRESHED);
	}

	private static List<String> sources() {
		return List.of("demo.App", RefreshingApplication.APP, "demo.Shop", CONTROLLER, "demo.Cart", CART, "demo.Basket",
				BASKET.formatted(""));
	}

	/**
	 * A client with a cookie jar of its own, as a browser.
	 */
	private static final class Browser {

		private final CookieManager cookies = new CookieManager();

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		String body(RefreshingApplication app, String path) throws IOException, InterruptedException {
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path)).build();
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			return response.body();
		}

		String sessionId() {
			return this.cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter((cookie) -> cookie.getName().equals("JSESSIONID"))
				.map(HttpCookie::getValue)
				.findFirst()
				.orElse(null);
		}

	}

}
