package dev.hotreload.proxy;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.aop.AopInvocationException;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.DecoratingProxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for the calls of {@link ReloadableProxies}' proxies, which reach the target
 * without Spring's interceptor chain, yet answer as Spring's proxies do. The second
 * generation is of an unrelated class, as a reloaded class from another class loader is.
 */
class ReloadableProxiesTests {

	@Test
	void classBasedProxyCallsTheCurrentGenerationWithAnyNumberOfArguments() {
		ReloadableTarget target = new ReloadableTarget("chain", Chain.class, new Generation(1, new Chain()));
		Chain proxy = (Chain) ReloadableProxies.create(target, getClass().getClassLoader());
		assertThat(AopUtils.isCglibProxy(proxy)).isTrue();
		assertThat(proxy.name()).isEqualTo("chain");
		assertThat(proxy.join("a", "b", "c", "d", "e")).isEqualTo("abcde");
		assertThat(proxy.add(1, 2L)).isEqualTo(3);
		target.replaceNow(new Generation(2, new OtherChain()), Duration.ZERO);
		assertThat(proxy.name()).isEqualTo("other");
		assertThat(proxy.join("a", "b", "c", "d", "e")).isEqualTo("edcba");
		assertThat(proxy.add(1, 2L)).isEqualTo(-1);
	}

	@Test
	void classBasedProxyReturnsItselfWhereTheGenerationReturnsItself() {
		ReloadableTarget target = new ReloadableTarget("chain", Chain.class, new Generation(1, new Chain()));
		Chain proxy = (Chain) ReloadableProxies.create(target, getClass().getClassLoader());
		assertThat(proxy.self()).isSameAs(proxy);
		target.replaceNow(new Generation(2, new OtherChain()), Duration.ZERO);
		assertThat(proxy.self()).isSameAs(proxy);
	}

	@Test
	void classBasedProxyRefusesNullForAPrimitive() {
		ReloadableTarget target = new ReloadableTarget("chain", Chain.class, new Generation(1, new Chain()));
		Chain proxy = (Chain) ReloadableProxies.create(target, getClass().getClassLoader());
		target.replaceNow(new Generation(2, new OtherChain()), Duration.ZERO);
		assertThatExceptionOfType(AopInvocationException.class).isThrownBy(proxy::count);
	}

	@Test
	void classBasedProxyThrowsWhatTheGenerationThrows() {
		ReloadableTarget target = new ReloadableTarget("chain", Chain.class, new Generation(1, new Chain()));
		Chain proxy = (Chain) ReloadableProxies.create(target, getClass().getClassLoader());
		assertThatIOException().isThrownBy(proxy::fail).withMessage("chain");
		assertThat(target.current().inFlight()).isZero();
	}

	@Test
	void interfaceBasedProxyCallsTheCurrentGenerationAndReturnsItself() {
		ReloadableTarget target = new ReloadableTarget("finalChain", FinalChain.class,
				new Generation(1, new FinalChain()));
		Chained proxy = (Chained) ReloadableProxies.create(target, getClass().getClassLoader());
		assertThat(AopUtils.isJdkDynamicProxy(proxy)).isTrue();
		assertThat(proxy.name()).isEqualTo("final");
		assertThat(proxy.self()).isSameAs(proxy);
		assertThat(proxy.join("a", "b", "c", "d", "e")).isEqualTo("abcde");
		target.replaceNow(new Generation(2, new OtherChain()), Duration.ZERO);
		assertThat(proxy.name()).isEqualTo("other");
		assertThat(proxy.self()).isSameAs(proxy);
		assertThat(proxy.toString()).isEqualTo("OtherChain");
		assertThatExceptionOfType(AopInvocationException.class).isThrownBy(proxy::count);
		assertThatIOException().isThrownBy(proxy::fail).withMessage("other");
	}

	@Test
	void interfaceBasedProxyAnswersForItsConfiguration() {
		ReloadableTarget target = new ReloadableTarget("finalChain", FinalChain.class,
				new Generation(1, new FinalChain()));
		Object proxy = ReloadableProxies.create(target, getClass().getClassLoader());
		assertThat(((Advised) proxy).getTargetSource()).isSameAs(target);
		assertThat(((Advised) proxy).isFrozen()).isTrue();
		assertThat(((Advised) proxy).getTargetClass()).isEqualTo(FinalChain.class);
		assertThat(((DecoratingProxy) proxy).getDecoratedClass()).isEqualTo(FinalChain.class);
		assertThat(AopUtils.getTargetClass(proxy)).isEqualTo(FinalChain.class);
	}

	@Test
	void targetAnswersEqualMethodsAndMoreMethodsThanAGenerationRemembers() throws Throwable {
		ReloadableTarget target = new ReloadableTarget("wide", Wide.class, new Generation(1, new Wide()));
		for (int round = 0; round < 3; round++) {
			for (int i = 0; i < 20; i++) {
				// getMethod returns a new copy each time: equal, not identical.
				assertThat(target.invoke(Wide.class.getMethod("m" + i), new Object[0])).isEqualTo(i);
			}
		}
		assertThat(target.current().inFlight()).isZero();
	}

	/**
	 * What the interface-based bean offers.
	 */
	public interface Chained {

		String name();

		Chained self();

		String join(String a, String b, String c, String d, String e);

		long count();

		void fail() throws IOException;

	}

	/**
	 * A class-based bean.
	 */
	public static class Chain {

		public String name() {
			return "chain";
		}

		public Chain self() {
			return this;
		}

		public String join(String a, String b, String c, String d, String e) {
			return a + b + c + d + e;
		}

		public long add(int a, long b) {
			return a + b;
		}

		public long count() {
			return 1;
		}

		public void fail() throws IOException {
			throw new IOException("chain");
		}

	}

	/**
	 * An interface-based bean.
	 */
	public static final class FinalChain implements Chained {

		@Override
		public String name() {
			return "final";
		}

		@Override
		public Chained self() {
			return this;
		}

		@Override
		public String join(String a, String b, String c, String d, String e) {
			return a + b + c + d + e;
		}

		@Override
		public long count() {
			return 1;
		}

		@Override
		public void fail() throws IOException {
			throw new IOException("final");
		}

	}

	/**
	 * A later generation of either bean, of another class as after a reload.
	 */
	public static class OtherChain {

		public String name() {
			return "other";
		}

		public OtherChain self() {
			return this;
		}

		public String join(String a, String b, String c, String d, String e) {
			return e + d + c + b + a;
		}

		public long add(int a, long b) {
			return a - b;
		}

		public Long count() {
			return null;
		}

		public void fail() throws IOException {
			throw new IOException("other");
		}

		@Override
		public String toString() {
			return "OtherChain";
		}

	}

	/**
	 * A bean with more methods than a generation remembers by identity.
	 */
	public static class Wide {

		public int m0() {
			return 0;
		}

		public int m1() {
			return 1;
		}

		public int m2() {
			return 2;
		}

		public int m3() {
			return 3;
		}

		public int m4() {
			return 4;
		}

		public int m5() {
			return 5;
		}

		public int m6() {
			return 6;
		}

		public int m7() {
			return 7;
		}

		public int m8() {
			return 8;
		}

		public int m9() {
			return 9;
		}

		public int m10() {
			return 10;
		}

		public int m11() {
			return 11;
		}

		public int m12() {
			return 12;
		}

		public int m13() {
			return 13;
		}

		public int m14() {
			return 14;
		}

		public int m15() {
			return 15;
		}

		public int m16() {
			return 16;
		}

		public int m17() {
			return 17;
		}

		public int m18() {
			return 18;
		}

		public int m19() {
			return 19;
		}

	}

}
