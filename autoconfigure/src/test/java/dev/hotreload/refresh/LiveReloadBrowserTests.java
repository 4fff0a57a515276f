package dev.hotreload.refresh;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Live reload in a real headless Chromium, driven by Selenium: a page of a running
 * application reloads by itself after a reload of a bean and after a full refresh; a
 * failed change shows its error over the page while the old content stays, and the fix
 * removes it; a page whose Content-Security-Policy allows only same-origin scripts runs
 * the script; a JSON answer is unchanged; the development page follows each new record.
 * Needs Debian's {@code chromium} and {@code chromium-driver}: on CI, which installs
 * them, their absence fails the test.
 */
class LiveReloadBrowserTests {

	private static final File CHROMIUM = new File("/usr/bin/chromium");

	private static final File DRIVER = new File("/usr/bin/chromedriver");

	private static final String GREETER = """
			package demo;
			@org.springframework.stereotype.Component
			@dev.hotreload.HotReloadable
			public class Greeter {
				public Greeter() {
					%s
				}
				public String text() {
					return "%s";
				}
			}
			""";

	private static final String PAGES = """
			package demo;
			@org.springframework.web.bind.annotation.RestController
			public class Pages {
				private final Greeter greeter;
				public Pages(Greeter greeter) {
					this.greeter = greeter;
				}
				@org.springframework.web.bind.annotation.GetMapping(path = "/page", produces = "text/html")
				public String page() {
					return "<!DOCTYPE html><html><head><title>t</title></head><body><p id=\\"v\\">" + greeter.text()
							+ "</p></body></html>";
				}
				@org.springframework.web.bind.annotation.GetMapping(path = "/csp", produces = "text/html")
				public org.springframework.http.ResponseEntity<String> csp() {
					return org.springframework.http.ResponseEntity.ok()
						.header("Content-Security-Policy", "script-src 'self'")
						.body(page());
				}
				@org.springframework.web.bind.annotation.GetMapping(path = "/json", produces = "application/json")
				public String json() {
					return "{\\"text\\":\\"</body>\\"}";
				}
			}
			""";

	@TempDir
	Path temp;

	private WebDriver browser;

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void pageFollowsReloadsFailuresAndRefreshes() throws Exception {
		this.browser = startBrowser();
		int port = freePort();
		try (RefreshingApplication app = RefreshingApplication.start(this.temp, sources("v1", ""),
				"--server.port=" + port)) {
			String base = "http://localhost:" + port;
			assertThat(app.body("/json")).isEqualTo("{\"text\":\"</body>\"}");
			HttpResponse<String> page = app.get("/page");
			assertThat(page.body()).contains("<script src=\"/hotreload-live/live-reload.js\" defer></script></body>");
			assertThat(page.headers().firstValueAsLong("Content-Length")).hasValue(page.body().length());

			this.browser.get(base + "/page");
			assertThat(app.get("/hotreload-live/live-reload.js").statusCode()).isEqualTo(200);
			awaitConnected();
			mark();
			app.compile("demo.Greeter", GREETER.formatted("", "v2"));
			awaitText("v2");
			assertThat(marked()).as("the page was reloaded").isFalse();

			mark();
			app.compile("demo.Greeter",
					GREETER.formatted("if (true) throw new IllegalStateException(\"broken v3\");", "v3"));
			await().atMost(Duration.ofSeconds(20))
				.ignoreExceptions()
				.until(() -> this.browser.findElement(By.id("hotreload-overlay")).getText().contains("broken v3"));
			assertThat(this.browser.findElement(By.id("v")).getText()).isEqualTo("v2");
			assertThat(marked()).as("the page stays").isTrue();
			screenshot("live-reload-overlay.png");
			app.compile("demo.Greeter", GREETER.formatted("", "v4"));
			awaitText("v4");
			assertThat(this.browser.findElements(By.id("hotreload-overlay"))).isEmpty();

			// A static file: no record, and the page follows all the same.
			mark();
			Path styles = Files.createDirectories(app.classes().resolve("static")).resolve("site.css");
			Files.writeString(styles, "p { color: red; }");
			await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> !marked());
			awaitConnected();

			this.browser.get(base + "/csp");
			awaitConnected();
			mark();
			long id = app.reloader().refresh();
			assertThat(app.awaitRecord(id).outcome()).isEqualTo(dev.hotreload.ReloadRecord.Outcome.REFRESHED);
			await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> !marked());
			awaitConnected();
			assertThat(this.browser.findElement(By.id("v")).getText()).isEqualTo("v4");

			// The development page lists a new record without navigating, failures too.
			this.browser.get(base + "/hotreload");
			awaitConnected();
			assertThat(this.browser.findElement(By.id("beans")).getText()).contains("greeter", "demo.Greeter");
			int rows = this.browser.findElements(By.cssSelector("#history tr")).size();
			mark();
			app.compile("demo.Greeter",
					GREETER.formatted("if (true) throw new IllegalStateException(\"broken v5\");", "v5"));
			await().atMost(Duration.ofSeconds(20))
				.ignoreExceptions()
				.until(() -> this.browser.findElements(By.cssSelector("#history tr")).size() > rows);
			assertThat(marked()).as("the page was reloaded").isFalse();
			assertThat(this.browser.findElement(By.id("history")).getText()).contains("FAILED", "broken v5");
			screenshot("development-page.png");
		}
	}

	@Test
	void compileErrorInSourceModeIsShownOverThePageWithItsFileAndLine() throws Exception {
		this.browser = startBrowser();
		Path sourceFile = Files.createDirectories(this.temp.resolve("src/main/java/demo")).resolve("Greeter.java");
		Files.writeString(sourceFile, GREETER.formatted("", "s1"));
		try (RefreshingApplication app = RefreshingApplication.start(this.temp, sources("s1", ""),
				"--hotreload.source.enabled=true", "--hotreload.source.warm-up=false")) {
			this.browser.get("http://localhost:" + app.port() + "/page");
			awaitConnected();
			mark();
			Files.writeString(sourceFile, GREETER.formatted("", "s2").replace("return \"s2\";", "return \"s2\""));
			await().atMost(Duration.ofSeconds(30))
				.ignoreExceptions()
				.until(() -> this.browser.findElement(By.id("hotreload-overlay")).getText().contains("Greeter.java:"));
			assertThat(this.browser.findElement(By.id("hotreload-overlay")).getText()).contains("CompilationError",
					"';' expected");
			assertThat(this.browser.findElement(By.id("v")).getText()).isEqualTo("s1");
			assertThat(marked()).as("the page stays").isTrue();
			Files.writeString(sourceFile, GREETER.formatted("", "s3"));
			awaitText("s3");
			assertThat(this.browser.findElements(By.id("hotreload-overlay"))).isEmpty();
		}
	}

	@Test
	void nothingIsAddedWhenLiveReloadIsOff() throws Exception {
		try (RefreshingApplication app = RefreshingApplication.start(this.temp, sources("v1", ""),
				"--hotreload.live-reload.enabled=false")) {
			assertThat(app.body("/page")).doesNotContain("<script");
			assertThat(app.get("/hotreload-live/live-reload.js").statusCode()).isEqualTo(404);
		}
	}

	private static List<String> sources(String text, String constructor) {
		List<String> sources = new ArrayList<>(List.of("demo.App", RefreshingApplication.APP, "demo.Pages", PAGES));
		sources.addAll(List.of("demo.Greeter", GREETER.formatted(constructor, text)));
		return sources;
	}

	private static WebDriver startBrowser() {
		boolean present = CHROMIUM.canExecute() && DRIVER.canExecute();
		if (!present && System.getenv("CI") != null) {
			throw new IllegalStateException(
					"No Chromium for the browser tests: .ci/run installs Debian's chromium " + "and chromium-driver");
		}
		assumeTrue(present, "No Chromium here (/usr/bin/chromium, /usr/bin/chromedriver): the browser tests skip");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=1200,800");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build();
		return new ChromeDriver(service, options);
	}

	private void awaitConnected() {
		await().atMost(Duration.ofSeconds(20))
			.ignoreExceptions()
			.until(() -> Boolean.TRUE.equals(script("return !!(window.hotReload && window.hotReload.connected);")));
	}

	private void awaitText(String text) {
		await().atMost(Duration.ofSeconds(20))
			.ignoreExceptions()
			.until(() -> this.browser.findElement(By.id("v")).getText().equals(text));
	}

	private void mark() {
		script("window.notReloaded = true;");
	}

	private boolean marked() {
		return Boolean.TRUE.equals(script("return window.notReloaded === true;"));
	}

	private Object script(String script) {
		return ((JavascriptExecutor) this.browser).executeScript(script);
	}

	// Into docs/ when asked for: -Dhotreload.screenshots=<directory>.
	private void screenshot(String name) throws IOException {
		String directory = System.getProperty("hotreload.screenshots");
		if (directory != null) {
			File shot = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), Path.of(directory, name), StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
