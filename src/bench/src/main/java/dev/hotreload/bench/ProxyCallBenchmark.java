package dev.hotreload.bench;

import java.util.concurrent.TimeUnit;

import dev.hotreload.proxy.Generation;
import dev.hotreload.proxy.ReloadableProxies;
import dev.hotreload.proxy.ReloadableTarget;
import org.aopalliance.intercept.MethodInterceptor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.cloud.context.config.annotation.RefreshScope;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The cost of one call on a small stateful bean, made by all benchmark threads on one
 * shared target: directly, through the proxies Spring users already pay for, and through
 * a reloadable bean's proxy while no reload is under way, for a class-based bean (CGLIB
 * proxy) and for an interface-based bean of a final class (JDK proxy). Each is measured
 * twice: with a method that returns a {@code long}, which a proxy must box, and with one
 * that returns a reference ({@code ...Reference}), for which a proxy need allocate
 * nothing.
 * <p>
 * The baselines are a Spring AOP CGLIB proxy with no advice, the same with one
 * pass-through interceptor (what every advised Spring bean pays), and Spring Cloud's
 * {@code @RefreshScope} proxy built by a real {@code RefreshScope} in an application
 * context, as a Spring Cloud user has it. {@link BenchmarkSuite} runs it with one and two
 * threads and {@code -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProxyCallBenchmark {

	private Counter direct;

	private Counter springProxyNoAdvice;

	private Counter springProxy;

	private AnnotationConfigApplicationContext refreshContext;

	private Counter refreshScopeProxy;

	private Counter reloadableClassProxy;

	private Counting reloadableInterfaceProxy;

	@Setup(Level.Trial)
	public void createProxies() {
		this.direct = new Counter();
		this.springProxyNoAdvice = springProxy(false);
		this.springProxy = springProxy(true);
		this.refreshContext = new AnnotationConfigApplicationContext();
		this.refreshContext.registerBean("refreshScope",
				org.springframework.cloud.context.scope.refresh.RefreshScope.class);
		this.refreshContext.register(RefreshScopedCounter.class);
		this.refreshContext.refresh();
		this.refreshScopeProxy = this.refreshContext.getBean(RefreshScopedCounter.class);
		ReloadableTarget classTarget = new ReloadableTarget("counter", Counter.class, new Generation(1, new Counter()));
		this.reloadableClassProxy = (Counter) ReloadableProxies.create(classTarget, Counter.class.getClassLoader());
		ReloadableTarget interfaceTarget = new ReloadableTarget("finalCounter", FinalCounter.class,
				new Generation(1, new FinalCounter()));
		this.reloadableInterfaceProxy = (Counting) ReloadableProxies.create(interfaceTarget,
				FinalCounter.class.getClassLoader());
	}

	@TearDown(Level.Trial)
	public void closeContext() {
		this.refreshContext.close();
	}

	private static Counter springProxy(boolean withInterceptor) {
		ProxyFactory factory = new ProxyFactory(new Counter());
		factory.setProxyTargetClass(true);
		if (withInterceptor) {
			factory.addAdvice((MethodInterceptor) (invocation) -> invocation.proceed());
		}
		factory.setFrozen(true);
		return (Counter) factory.getProxy(Counter.class.getClassLoader());
	}

	@Benchmark
	public long direct() {
		return this.direct.next(1);
	}

	@Benchmark
	public long springAopNoAdvice() {
		return this.springProxyNoAdvice.next(1);
	}

	@Benchmark
	public long springAopInterceptor() {
		return this.springProxy.next(1);
	}

	@Benchmark
	public long refreshScope() {
		return this.refreshScopeProxy.next(1);
	}

	@Benchmark
	public long reloadableClass() {
		return this.reloadableClassProxy.next(1);
	}

	@Benchmark
	public long reloadableInterface() {
		return this.reloadableInterfaceProxy.next(1);
	}

	@Benchmark
	public String directReference() {
		return this.direct.label(1);
	}

	@Benchmark
	public String springAopNoAdviceReference() {
		return this.springProxyNoAdvice.label(1);
	}

	@Benchmark
	public String springAopInterceptorReference() {
		return this.springProxy.label(1);
	}

	@Benchmark
	public String refreshScopeReference() {
		return this.refreshScopeProxy.label(1);
	}

	@Benchmark
	public String reloadableClassReference() {
		return this.reloadableClassProxy.label(1);
	}

	@Benchmark
	public String reloadableInterfaceReference() {
		return this.reloadableInterfaceProxy.label(1);
	}

	/**
	 * What an interface-based bean offers its callers.
	 */
	public interface Counting {

		/**
		 * Add to the count.
		 * @param delta what to add
		 * @return the new count
		 */
		long next(int delta);

		/**
		 * Add to the count and return the bean's label, a reference that the call does
		 * not allocate.
		 * @param delta what to add
		 * @return the label
		 */
		String label(int delta);

	}

	/**
	 * A bean with some state, as reloadable beans have.
	 */
	public static class Counter {

		private final String label = "counter";

		private long count;

		/**
		 * Add to the count.
		 * @param delta what to add
		 * @return the new count
		 */
		public long next(int delta) {
			this.count += delta;
			return this.count;
		}

		/**
		 * Add to the count and return the bean's label, a reference that the call does
		 * not allocate.
		 * @param delta what to add
		 * @return the label
		 */
		public String label(int delta) {
			this.count += delta;
			return this.label;
		}

	}

	/**
	 * The same bean in Spring Cloud's refresh scope, behind its scoped proxy.
	 */
	@RefreshScope
	public static class RefreshScopedCounter extends Counter {

	}

	/**
	 * The same bean as a final class, which a reloadable proxy reaches through its
	 * interface.
	 */
	public static final class FinalCounter implements Counting {

		private final String label = "finalCounter";

		private long count;

		@Override
		public long next(int delta) {
			this.count += delta;
			return this.count;
		}

		@Override
		public String label(int delta) {
			this.count += delta;
			return this.label;
		}

	}

}
