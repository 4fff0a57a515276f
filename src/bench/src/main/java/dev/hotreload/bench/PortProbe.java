package dev.hotreload.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Connects to the application's port about once a millisecond, on a thread of its own,
 * and tells how long the port refused connections at a stretch since the last
 * {@link #reset()}: the time a refresh or a restart leaves no web server listening.
 */
final class PortProbe implements AutoCloseable {

	private static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

	private final int port;

	private final Thread thread;

	private final Object monitor = new Object();

	private long refusedSince = -1;

	private long longestRefusal;

	private volatile boolean running = true;

	private PortProbe(int port) {
		this.port = port;
		this.thread = new Thread(this::probe, "bench-port-probe");
		this.thread.setDaemon(true);
	}

	/**
	 * Start probing a port of this machine.
	 * @param port the port
	 * @return the running probe
	 */
	static PortProbe start(int port) {
		PortProbe probe = new PortProbe(port);
		probe.thread.start();
		return probe;
	}

	/**
	 * Forget what was seen so far.
	 */
	void reset() {
		synchronized (this.monitor) {
			this.refusedSince = -1;
			this.longestRefusal = 0;
		}
	}

	/**
	 * Return the longest stretch of refused connections since the last reset, a stretch
	 * still going on included.
	 * @return the milliseconds
	 */
	double longestRefusalMillis() {
		synchronized (this.monitor) {
			long longest = this.longestRefusal;
			if (this.refusedSince >= 0) {
				longest = Math.max(longest, System.nanoTime() - this.refusedSince);
			}
			return longest / 1_000_000.0;
		}
	}

	private void probe() {
		while (this.running) {
			boolean accepted = connects();
			long now = System.nanoTime();
			synchronized (this.monitor) {
				if (!accepted && this.refusedSince < 0) {
					this.refusedSince = now;
				}
				else if (accepted && this.refusedSince >= 0) {
					this.longestRefusal = Math.max(this.longestRefusal, now - this.refusedSince);
					this.refusedSince = -1;
				}
			}
			LockSupport.parkNanos(INTERVAL_NANOS);
		}
	}

	private boolean connects() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("localhost", this.port), 100);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		this.running = false;
		this.thread.interrupt();
	}

}
