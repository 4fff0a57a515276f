package dev.hotreload.access;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LoopbackClients}.
 */
class LoopbackClientsTests {

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.1.2.3", "127.255.255.255", "::1", "0:0:0:0:0:0:0:1", "[::1]",
			"::ffff:127.0.0.1", "0:0:0:0:0:ffff:7f00:1", "::ffff:127.9.9.9" })
	void loopbackAddressesAreLoopbackClients(String address) {
		assertThat(LoopbackClients.isLoopback(address)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "192.0.2.10", "2001:db8::1", "::ffff:192.0.2.10", "0.0.0.0", "::", "128.0.0.1", "10.0.0.1",
			"fe80::1", "256.0.0.1", "127.0.0.1.1", "127.1", "localhost", "unknown", "127.0.0.1, 192.0.2.10",
			"2001:db8::zz" })
	void otherAddressesAndNamesAreNot(String address) {
		assertThat(LoopbackClients.isLoopback(address)).isFalse();
	}

	@ParameterizedTest
	@NullAndEmptySource
	void noAddressIsNoLoopbackClient(String address) {
		assertThat(LoopbackClients.isLoopback(address)).isFalse();
	}

}
