package dev.hotreload.autoconfigure;

import dev.hotreload.reload.HotReloadEngine;
import dev.hotreload.web.ControllerMappings;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Auto-configuration of fully hot Spring MVC controllers: the request mappings of a
 * reloadable controller follow its new class at each reload. It applies when hot reload
 * is on, in a servlet web application.
 */
@AutoConfiguration(after = HotReloadAutoConfiguration.class)
@ConditionalOnClass(RequestMappingHandlerMapping.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnBean(HotReloadEngine.class)
public final class HotReloadWebMvcAutoConfiguration {

	@Bean
	ControllerMappings hotReloadControllerMappings(ListableBeanFactory beanFactory) {
		return new ControllerMappings(beanFactory);
	}

}
