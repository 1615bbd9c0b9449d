package io.github.structuredlogging.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local TCP receiver that counts messages and discards them: newline-delimited lines (Logstash's JSON lines) or
 * RFC 6587 octet-counted frames (syslog).
 */
final class CountingReceiver implements AutoCloseable {

	private final ServerSocket server;

	private final boolean octetCounted;

	private final AtomicLong messages = new AtomicLong();

	CountingReceiver(boolean octetCounted) throws IOException {
		this.octetCounted = octetCounted;
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "counting-receiver");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	long messages() {
		return this.messages.get();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				Thread reader = new Thread(() -> read(socket), "counting-connection");
				reader.setDaemon(true);
				reader.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void read(Socket socket) {
		try (InputStream input = new BufferedInputStream(socket.getInputStream(), 1 << 16)) {
			if (this.octetCounted) {
				readFrames(input);
			}
			else {
				readLines(input);
			}
		}
		catch (IOException ex) {
			// The sender went away; the count so far stands.
		}
	}

	private void readLines(InputStream input) throws IOException {
		int b;
		while ((b = input.read()) >= 0) {
			if (b == '\n') {
				this.messages.incrementAndGet();
			}
		}
	}

	private void readFrames(InputStream input) throws IOException {
		while (true) {
			int length = 0;
			int b;
			while ((b = input.read()) != ' ') {
				if (b < 0) {
					return;
				}
				length = length * 10 + (b - '0');
			}
			input.skipNBytes(length);
			this.messages.incrementAndGet();
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

}
