package dev.hotreload.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Requests that a server of this machine sees as coming from another machine, without any
 * traffic leaving the loopback interface: each is sent from and to {@code 127.0.0.1} with
 * an {@code X-Forwarded-For} header, which Tomcat's {@code RemoteIpValve} (on with
 * {@value #FORWARD_HEADERS}, and trusting loopback proxies by default) turns into the
 * request's remote address. The addresses are from the documentation ranges (RFC 5737,
 * RFC 3849) and are never contacted.
 */
public final class ForwardedClients {

	/**
	 * The property that lets Tomcat take the client's address from the forwarded header.
	 */
	public static final String FORWARD_HEADERS = "server.forward-headers-strategy=native";

	private ForwardedClients() {
	}

	/**
	 * One IPv4 and one IPv6 address of other machines.
	 * @return the addresses
	 */
	public static List<InetAddress> otherMachines() {
		try {
			return List.of(InetAddress.getByName("192.0.2.10"), InetAddress.getByName("2001:db8:0:0:0:0:0:10"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Send a request over loopback on behalf of a client at the given address.
	 * @param address the client's address, as the forwarded header names it
	 * @param port the server's port
	 * @param method the HTTP method
	 * @param path the path and query, as sent
	 * @return the answer
	 */
	public static Response send(InetAddress address, int port, String method, String path) {
		InetAddress loopback = InetAddress.getLoopbackAddress();
		try (Socket socket = new Socket()) {
			socket.setSoTimeout(10_000);
			socket.connect(new InetSocketAddress(loopback, port), 10_000);
			OutputStream out = socket.getOutputStream();
			out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nX-Forwarded-For: "
					+ literal(address) + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
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
	 * The address as a literal, as the server writes it.
	 * @param address the address
	 * @return the literal, such as {@code 2001:db8:0:0:0:0:0:10}
	 */
	public static String literal(InetAddress address) {
		return address.getHostAddress();
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
