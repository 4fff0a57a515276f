package dev.hotreload.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Tells whether a client's address, as a request reports it, is a loopback address of
 * this machine: {@code 127.0.0.0/8}, {@code ::1}, or one of them mapped to IPv6.
 */
public final class LoopbackClients {

	private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

	private static final Pattern IPV6 = Pattern.compile("\\[?[0-9a-fA-F:.]*:[0-9a-fA-F:.]*(%[\\w.-]+)?]?");

	private LoopbackClients() {
	}

	/**
	 * Whether the given address is a loopback address. Only IP literals count: a host
	 * name, which a forwarded header could carry, is never looked up and is no loopback
	 * client.
	 * @param address the client's address, such as {@code 127.0.0.1} or
	 * {@code 0:0:0:0:0:0:0:1}
	 * @return whether it is a loopback address
	 */
	public static boolean isLoopback(@Nullable String address) {
		if (address == null) {
			return false;
		}
		try {
			InetAddress inetAddress = parse(address.trim());
			return inetAddress != null && inetAddress.isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	// Literals only: InetAddress.getByName would resolve anything else through DNS.
	private static @Nullable InetAddress parse(String address) throws UnknownHostException {
		Matcher ipv4 = IPV4.matcher(address);
		if (ipv4.matches()) {
			byte[] bytes = new byte[4];
			for (int i = 0; i < 4; i++) {
				int octet = Integer.parseInt(ipv4.group(i + 1));
				if (octet > 255) {
					return null;
				}
				bytes[i] = (byte) octet;
			}
			return InetAddress.getByAddress(bytes);
		}
		if (IPV6.matcher(address).matches()) {
			// A literal with a colon is parsed as IPv6 and refused if invalid, never
			// looked up.
			return InetAddress.getByName(address);
		}
		return null;
	}

}
