package dev.hotreload.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import dev.hotreload.classloading.GenerationClassLoader;
import dev.hotreload.proxy.Generation;
import dev.hotreload.proxy.ReloadableTarget;
import dev.hotreload.reload.SwitchParticipant;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.Assert;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.handler.HandlerExceptionResolverComposite;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Keeps the Spring MVC request mappings of reloadable controllers in line with their
 * current generation. At each reload of a bean that is a controller, it detects the
 * handler methods of the new class with the application's
 * {@link RequestMappingHandlerMapping}, and replaces the bean's registrations with
 * registrations of the new methods on a handler of the new generation (see
 * {@link GenerationHandler}), whose calls go through the bean's gate like every other
 * call of the bean.
 */
public final class ControllerMappings implements SwitchParticipant, BeanRequestMappings {

	private static final Log logger = LogFactory.getLog(ControllerMappings.class);

	private static final String PRIMARY_MAPPING = "requestMappingHandlerMapping";

	private static final List<Class<? extends Annotation>> WEB_METHOD_ANNOTATIONS = List.of(RequestMapping.class,
			InitBinder.class, ModelAttribute.class, ExceptionHandler.class);

	private final ListableBeanFactory beanFactory;

	private final Map<String, Object> handlers = new ConcurrentHashMap<>();

	/**
	 * Create the mappings' keeper.
	 * @param beanFactory the factory of the application's handler mappings, adapters and
	 * exception resolvers, looked up at each reload
	 */
	public ControllerMappings(ListableBeanFactory beanFactory) {
		Assert.notNull(beanFactory, "'beanFactory' must not be null");
		this.beanFactory = beanFactory;
	}

	@Override
	public List<String> mappingsOf(String beanName) {
		Object handler = this.handlers.get(beanName);
		TreeSet<String> described = new TreeSet<>();
		for (RequestMappings mappings : requestMappings()) {
			mappings.mappingsOf(beanName, handler)
				.keySet()
				.forEach((info) -> described.add(MappingDiff.describe(info)));
		}
		return new ArrayList<>(described);
	}

	/**
	 * Tell whether Spring MVC is the caller of a method of a bean: a handler,
	 * {@code @InitBinder}, {@code @ModelAttribute} or {@code @ExceptionHandler} method of
	 * a controller, whose registration a reload makes anew for the new class.
	 * @param beanName the bean's name
	 * @param method a method of the bean's original class
	 * @return whether Spring MVC calls it
	 */
	@Override
	public boolean followsNewClass(String beanName, Method method) {
		return isWebMethod(method)
				&& requestMappings().stream().anyMatch((mappings) -> mappings.isHandler(method.getDeclaringClass()));
	}

	private static boolean isWebMethod(Method method) {
		return WEB_METHOD_ANNOTATIONS.stream()
			.anyMatch((annotation) -> AnnotatedElementUtils.hasAnnotation(method, annotation));
	}

	/**
	 * Prepare the change of a bean's request mappings for its next generation, without
	 * changing anything yet.
	 * @param target the bean's target
	 * @param generation the next generation
	 * @return the prepared change, or {@code null} if the bean neither is nor becomes a
	 * controller
	 */
	@Override
	public SwitchParticipant.@Nullable Prepared prepare(ReloadableTarget target, Generation generation) {
		Class<?> nextClass = generation.instance().getClass();
		String beanName = target.beanName();
		Object handler = this.handlers.get(beanName);
		List<ControllerSwitch.Change> changes = new ArrayList<>();
		Map<RequestMappingInfo, Method> allLive = new LinkedHashMap<>();
		Map<Method, RequestMappingInfo> allNext = new LinkedHashMap<>();
		for (RequestMappings mappings : requestMappings()) {
			Map<RequestMappingInfo, HandlerMethod> live = mappings.mappingsOf(beanName, handler);
			boolean handles = !live.isEmpty() || isPrimary(mappings);
			if (!handles) {
				continue;
			}
			Map<Method, RequestMappingInfo> next = mappings.isHandler(nextClass) ? mappings.detect(nextClass)
					: Map.of();
			if (live.isEmpty() && next.isEmpty()) {
				continue;
			}
			changes.add(new ControllerSwitch.Change(mappings, live, next));
			live.forEach((info, handlerMethod) -> allLive.put(info, handlerMethod.getMethod()));
			allNext.putAll(next);
		}
		if (changes.isEmpty()) {
			return null;
		}
		if (!GenerationHandler.canCreate(nextClass)) {
			logger.warn("Request mappings of '" + beanName + "' are not changed: " + nextClass.getName()
					+ " is final; a full refresh is needed to use its new mappings");
			return null;
		}
		warnAboutUnreachableMethods(beanName, nextClass);
		return new ControllerSwitch(this, beanName, GenerationHandler.create(target, nextClass), changes,
				MappingDiff.between(allLive, allNext));
	}

	/**
	 * Make the handler of a switch the bean's, once its generation serves calls, and
	 * forget what Spring MVC cached for the replaced generation's classes.
	 * @param change the applied change
	 * @param previousLoader the class loader of the replaced generation
	 */
	void committed(ControllerSwitch change, ClassLoader previousLoader) {
		this.handlers.put(change.beanName(), change.handler());
		if (!(previousLoader instanceof GenerationClassLoader)) {
			return;
		}
		HandlerTypeCaches.evict(previousLoader,
				this.beanFactory.getBeansOfType(RequestMappingHandlerAdapter.class).values(),
				exceptionHandlerResolvers());
	}

	// A subclass cannot pass private and final methods on to the current generation, so
	// Spring MVC would run them on the handler, whose fields are all null.
	private static void warnAboutUnreachableMethods(String beanName, Class<?> type) {
		List<String> unreachable = new ArrayList<>();
		ReflectionUtils.doWithMethods(type, (method) -> unreachable.add(method.getName()), (method) -> {
			int modifiers = method.getModifiers();
			return !Modifier.isStatic(modifiers) && (Modifier.isPrivate(modifiers) || Modifier.isFinal(modifiers))
					&& isWebMethod(method);
		});
		if (!unreachable.isEmpty()) {
			logger.warn("Controller '" + beanName + "' has private or final web methods " + unreachable
					+ ": they run without the bean's state; make them public, protected or package-private");
		}
	}

	private boolean isPrimary(RequestMappings mappings) {
		return this.beanFactory.containsBean(PRIMARY_MAPPING)
				&& this.beanFactory.getBean(PRIMARY_MAPPING) == mappings.mapping();
	}

	private List<RequestMappings> requestMappings() {
		if (!RequestMappings.isSupported()) {
			return List.of();
		}
		return this.beanFactory.getBeansOfType(RequestMappingHandlerMapping.class, false, false)
			.values()
			.stream()
			.map(RequestMappings::new)
			.toList();
	}

	private List<ExceptionHandlerExceptionResolver> exceptionHandlerResolvers() {
		List<ExceptionHandlerExceptionResolver> resolvers = new ArrayList<>();
		for (HandlerExceptionResolver resolver : this.beanFactory
			.getBeansOfType(HandlerExceptionResolver.class, false, false)
			.values()) {
			if (resolver instanceof HandlerExceptionResolverComposite composite) {
				composite.getExceptionResolvers()
					.stream()
					.filter(ExceptionHandlerExceptionResolver.class::isInstance)
					.map(ExceptionHandlerExceptionResolver.class::cast)
					.forEach(resolvers::add);
			}
			else if (resolver instanceof ExceptionHandlerExceptionResolver exceptionHandlerResolver) {
				resolvers.add(exceptionHandlerResolver);
			}
		}
		return resolvers;
	}

}
