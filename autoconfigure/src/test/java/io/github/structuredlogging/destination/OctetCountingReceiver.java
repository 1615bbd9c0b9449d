package io.github.structuredlogging.destination;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A strict RFC 6587 octet-counting reader on a loopback port: each frame is {@code LENGTH SP MESSAGE}, and any
 * byte out of place fails the frame, so a test sees framing errors that lenient daemons would paper over.
 */
final class OctetCountingReceiver implements AutoCloseable {

	private final ServerSocket server;

	private final List<String> messages = new CopyOnWriteArrayList<>();

	private final List<String> errors = new CopyOnWriteArrayList<>();

	private final List<Socket> connections = new CopyOnWriteArrayList<>();

	OctetCountingReceiver() throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "octet-counting-receiver");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	List<String> messages() {
		return this.messages;
	}

	List<String> errors() {
		return this.errors;
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				this.connections.add(socket);
				Thread reader = new Thread(() -> read(socket), "octet-counting-connection");
				reader.setDaemon(true);
				reader.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void read(Socket socket) {
		try (DataInputStream input = new DataInputStream(socket.getInputStream())) {
			while (true) {
				int length = readLength(input);
				if (length < 0) {
					return;
				}
				byte[] message = new byte[length];
				input.readFully(message);
				this.messages.add(new String(message, StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			if (!this.server.isClosed()) {
				this.errors.add(ex.toString());
			}
		}
	}

	/**
	 * Reads {@code LENGTH SP}: a non-zero digit, then digits, then one space.
	 * @return the length, or -1 at the end of the stream between frames
	 */
	private int readLength(InputStream input) throws IOException {
		ByteArrayOutputStream digits = new ByteArrayOutputStream();
		int b = input.read();
		if (b < 0) {
			return -1;
		}
		while (b != ' ') {
			if (b < '0' || b > '9' || (digits.size() == 0 && b == '0') || digits.size() > 9) {
				throw new IOException("Not an octet count: byte " + b + " after '" + digits + "'");
			}
			digits.write(b);
			b = input.read();
			if (b < 0) {
				throw new IOException("Stream ended inside an octet count");
			}
		}
		return Integer.parseInt(digits.toString(StandardCharsets.US_ASCII));
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		for (Socket connection : this.connections) {
			connection.close();
		}
	}

}
