package dev.hotreload.bench;

import java.util.concurrent.TimeUnit;

import dev.hotreload.proxy.Generation;
import dev.hotreload.proxy.ReloadableProxies;
import dev.hotreload.proxy.ReloadableTarget;
import org.aopalliance.intercept.MethodInterceptor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.aop.framework.ProxyFactory;

/**
 * The cost of one call through a reloadable bean's proxy when no reload is under way,
 * next to a direct call and to a call through a plain Spring AOP CGLIB proxy with one
 * pass-through interceptor, the baseline every advised Spring bean pays.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProxyCallBenchmark {

	private Counter direct;

	private Counter springProxy;

	private Counter reloadableProxy;

	@Setup
	public void createProxies() {
		this.direct = new Counter();
		ProxyFactory factory = new ProxyFactory(new Counter());
		factory.setProxyTargetClass(true);
		factory.addAdvice((MethodInterceptor) (invocation) -> invocation.proceed());
		factory.setFrozen(true);
		this.springProxy = (Counter) factory.getProxy(Counter.class.getClassLoader());
		ReloadableTarget target = new ReloadableTarget("counter", Counter.class, new Generation(1, new Counter()));
		this.reloadableProxy = (Counter) ReloadableProxies.create(target, Counter.class.getClassLoader());
	}

	@Benchmark
	public long direct() {
		return this.direct.next(1);
	}

	@Benchmark
	public long springAopProxy() {
		return this.springProxy.next(1);
	}

	@Benchmark
	public long reloadableProxy() {
		return this.reloadableProxy.next(1);
	}

	/**
	 * A bean with some state, as reloadable beans have.
	 */
	public static class Counter {

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

	}

}
