package dev.hotreload.web;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.hotreload.HotReloader;
import dev.hotreload.ReloadRecord.Outcome;
import dev.hotreload.classloading.GenerationClassLoader;
import dev.hotreload.proxy.ReloadableTarget;
import dev.hotreload.testsupport.ReloadableClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.aop.framework.Advised;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The handlers and request mappings that each generation of a controller registers do not
 * keep the generation's class loader alive once it is replaced.
 */
class ControllerGenerationCollectedTests {

	private static final String CONTROLLER = """
			package demo;
			import org.springframework.ui.Model;
			import org.springframework.web.bind.annotation.*;
			@dev.hotreload.HotReloadable
			@RestController
			public class ShopController {
				private int sales;
				@InitBinder
				public void binder(org.springframework.web.bind.WebDataBinder binder) {
					binder.setDisallowedFields("id");
				}
				@ModelAttribute("shop")
				public String shop() {
					return "shop";
				}
				@GetMapping("/sell")
				public synchronized String sell(@RequestParam(defaultValue = "1") int quantity, Model model) {
					this.sales += quantity;
					return model.getAttribute("shop") + " " + this.sales;
				}
				@GetMapping("/fail")
				public String fail() {
					throw new IllegalArgumentException("no");
				}
				@ExceptionHandler(IllegalArgumentException.class)
				public org.springframework.http.ResponseEntity<String> handle(IllegalArgumentException ex) {
					return org.springframework.http.ResponseEntity.badRequest().body(ex.getMessage());
				}
			}
			""";

	@Test
	void replacedGenerationsClassLoaderIsCollected(@TempDir Path temp) throws Exception {
		try (ReloadableClasses classes = new ReloadableClasses(temp)) {
			classes.compile(WebApp.APPLICATION_NAME, WebApp.APPLICATION, "demo.ShopController", CONTROLLER);
			try (WebApp app = WebApp.start(classes)) {
				HotReloader reloader = app.reloader();
				ReloadableTarget target = (ReloadableTarget) ((Advised) app.context().getBean("shopController"))
					.getTargetSource();
				List<WeakReference<ClassLoader>> replaced = new ArrayList<>();
				assertThat(app.get("/sell?quantity=2").body()).isEqualTo("shop 2");
				for (int i = 0; i < 3; i++) {
					assertThat(reloader.reload("shopController").outcome()).isEqualTo(Outcome.RELOADED);
					replaced.add(new WeakReference<>(target.current().instance().getClass().getClassLoader()));
				}
				assertThat(reloader.reload("shopController").outcome()).isEqualTo(Outcome.RELOADED);
				assertThat(app.get("/sell").body()).isEqualTo("shop 3");
				assertThat(app.get("/fail").statusCode()).isEqualTo(400);
				assertThat(target.current().instance().getClass().getClassLoader())
					.isInstanceOf(GenerationClassLoader.class);
				await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
					System.gc();
					assertThat(replaced).allSatisfy((reference) -> assertThat(reference.get()).isNull());
				});
			}
		}
	}

}
