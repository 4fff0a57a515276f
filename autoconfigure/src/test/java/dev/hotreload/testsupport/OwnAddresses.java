package dev.hotreload.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;

/**
 * This machine's own addresses that are not loopback ones, and plain HTTP requests sent
 * from and to one of them, so that a server of this machine sees a non-loopback client
 * without any traffic leaving the machine.
 */
public final class OwnAddresses {

	private OwnAddresses() {
	}

	/**
	 * One IPv4 and one IPv6 address of this machine's interfaces that are up, neither
	 * loopback nor link-local; the test is skipped if there is none.
	 * @return the addresses
	 */
	public static List<InetAddress> nonLoopbackOrSkip() {
		List<InetAddress> addresses = new ArrayList<>();
		first(Inet4Address.class).ifPresent(addresses::add);
		first(Inet6Address.class).ifPresent(addresses::add);
		Assumptions.assumeFalse(addresses.isEmpty(),
				"This machine has no non-loopback address of its own to be a non-loopback client from");
		return addresses;
	}

	private static Optional<InetAddress> first(Class<? extends InetAddress> type) {
		try {
			for (NetworkInterface networkInterface : Collections.list(NetworkInterface.getNetworkInterfaces())) {
				if (!networkInterface.isUp() || networkInterface.isLoopback()) {
					continue;
				}
				for (InetAddress address : Collections.list(networkInterface.getInetAddresses())) {
					if (type.isInstance(address) && !address.isLoopbackAddress() && !address.isLinkLocalAddress()
							&& !address.isAnyLocalAddress()) {
						return Optional.of(address);
					}
				}
			}
			return Optional.empty();
		}
		catch (SocketException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Send a request from the given own address to a server listening on it.
	 * @param address one of this machine's own addresses
	 * @param port the server's port
	 * @param method the HTTP method
	 * @param path the path and query, as sent
	 * @return the answer
	 */
	public static Response send(InetAddress address, int port, String method, String path) {
		try (Socket socket = new Socket()) {
			socket.setSoTimeout(10_000);
			socket.bind(new InetSocketAddress(address, 0));
			socket.connect(new InetSocketAddress(address, port), 10_000);
			OutputStream out = socket.getOutputStream();
			String host = (address instanceof Inet6Address) ? "[" + literal(address) + "]" : literal(address);
			out.write((method + " " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
					+ "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			int status = Integer.parseInt(answer.substring(answer.indexOf(' ') + 1, answer.indexOf(' ') + 4));
			int bodyStart = answer.indexOf("\r\n\r\n");
			return new Response(status, (bodyStart >= 0) ? answer.substring(bodyStart + 4) : "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The address as a literal without its scope, as a {@code Host} header or the server
	 * writes it.
	 * @param address the address
	 * @return the literal, such as {@code fd00:0:0:0:0:0:0:2}
	 */
	public static String literal(InetAddress address) {
		String literal = address.getHostAddress();
		int scope = literal.indexOf('%');
		return (scope >= 0) ? literal.substring(0, scope) : literal;
	}

	/**
	 * An HTTP answer.
	 *
	 * @param status the status code
	 * @param body the body as received (chunks included)
	 */
	public record Response(int status, String body) {

	}

}
