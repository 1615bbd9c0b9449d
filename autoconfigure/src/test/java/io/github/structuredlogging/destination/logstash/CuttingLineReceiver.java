package io.github.structuredlogging.destination.logstash;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A line-oriented TCP receiver, as Logstash's {@code tcp} input with the {@code json_lines} codec, that misbehaves
 * on demand: it resets its first connection in the middle of a line after a given number of lines and then refuses
 * connections for a while. Each connection's complete lines are kept apart; a cut line is kept as a torn tail,
 * never as a line.
 */
final class CuttingLineReceiver implements AutoCloseable {

	private final int cutAfterLines;

	private final Duration refuseFor;

	private final List<List<String>> connections = new CopyOnWriteArrayList<>();

	private final List<String> tornTails = new CopyOnWriteArrayList<>();

	private volatile ServerSocket server;

	private volatile boolean cut;

	private volatile int connectionsBeforeResume = -1;

	private final int port;

	/**
	 * @param cutAfterLines complete lines on the first connection before it is reset mid-line
	 * @param refuseFor how long connections are refused after the cut ({@link Duration#ZERO}: not at all)
	 */
	CuttingLineReceiver(int cutAfterLines, Duration refuseFor) throws IOException {
		this.cutAfterLines = cutAfterLines;
		this.refuseFor = refuseFor;
		this.port = listen(0);
	}

	int port() {
		return this.port;
	}

	private int listen(int port) throws IOException {
		ServerSocket socket = new ServerSocket();
		socket.setReuseAddress(true);
		socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		this.server = socket;
		Thread acceptor = new Thread(() -> accept(socket), "receiver-accept-" + socket.getLocalPort());
		acceptor.setDaemon(true);
		acceptor.start();
		return socket.getLocalPort();
	}

	private void accept(ServerSocket socket) {
		try {
			while (true) {
				Socket connection = socket.accept();
				List<String> lines = new CopyOnWriteArrayList<>();
				this.connections.add(lines);
				Thread reader = new Thread(() -> read(connection, lines), "receiver-read-" + this.port);
				reader.setDaemon(true);
				reader.start();
			}
		}
		catch (IOException ex) {
			// Closed: refusing connections, or the test is over.
		}
	}

	private void read(Socket connection, List<String> lines) {
		boolean cutThisOne = !this.cut && this.connections.size() == 1;
		try (connection; InputStream input = new BufferedInputStream(connection.getInputStream())) {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			int b;
			while ((b = input.read()) >= 0) {
				if (b == '\n') {
					lines.add(line.toString(StandardCharsets.UTF_8));
					line.reset();
					continue;
				}
				line.write(b);
				if (cutThisOne && lines.size() == this.cutAfterLines && line.size() == 10) {
					this.cut = true;
					this.tornTails.add(line.toString(StandardCharsets.UTF_8));
					connection.setSoLinger(true, 0);
					refuse();
					return;
				}
			}
			if (line.size() > 0) {
				this.tornTails.add(line.toString(StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			// Reset by the sender.
		}
	}

	private void refuse() throws IOException {
		if (this.refuseFor.isZero()) {
			return;
		}
		this.server.close();
		Thread resume = new Thread(() -> {
			try {
				Thread.sleep(this.refuseFor.toMillis());
				this.connectionsBeforeResume = this.connections.size();
				listen(this.port);
			}
			catch (InterruptedException | IOException ex) {
				throw new IllegalStateException(ex);
			}
		}, "receiver-resume-" + this.port);
		resume.setDaemon(true);
		resume.start();
	}

	/** Complete lines of each connection, in the order the connections were accepted. */
	List<List<String>> connections() {
		return this.connections;
	}

	List<String> lines() {
		List<String> all = new ArrayList<>();
		this.connections.forEach(all::addAll);
		return all;
	}

	List<String> tornTails() {
		return this.tornTails;
	}

	boolean wasCut() {
		return this.cut;
	}

	/** Complete lines received on connections accepted after the receiver stopped refusing them. */
	List<String> linesAfterResume() {
		List<String> all = new ArrayList<>();
		if (this.connectionsBeforeResume >= 0) {
			this.connections.subList(this.connectionsBeforeResume, this.connections.size()).forEach(all::addAll);
		}
		return all;
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

}
