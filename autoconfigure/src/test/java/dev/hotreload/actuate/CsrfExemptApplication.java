package dev.hotreload.actuate;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application behind Spring Security whose only exception for hot reload is the line
 * of the docs that exempts the {@code hotreload} endpoint from CSRF protection. A class
 * of its own, whose name no test pattern matches, as only the {@code spring-security}
 * tests have Spring Security on their classpath.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class CsrfExemptApplication {

	@Bean
	EndpointGreeter endpointGreeter() {
		return new EndpointGreeter();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
		http.csrf((csrf) -> csrf.ignoringRequestMatchers(EndpointRequest.to("hotreload")));
		return http.build();
	}

	// A member class of the configuration, registered with it.
	@RestController
	static class GreetingsController {

		@PostMapping("/greetings")
		String greet() {
			return "hello";
		}

	}

}
