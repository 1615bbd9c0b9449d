package io.github.structuredlogging.destination;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link ReceiverCloseProbe} on real loopback connections: an open connection is never reported closed, also when
 * the receiver does send a byte, and a close or a reset by the receiver is always reported, on the non-blocking path
 * and on the timed one alike.
 */
class ReceiverCloseProbeTests {

	private final ReceiverCloseProbe probe = new ReceiverCloseProbe();

	private ServerSocket server;

	@BeforeEach
	void listen() throws IOException {
		this.server = new ServerSocket(0);
	}

	@AfterEach
	void close() throws IOException {
		this.server.close();
	}

	@Test
	void plainSocketIsBackedByAChannel() throws IOException {
		try (Socket socket = ReceiverCloseProbe.openPlainSocket()) {
			assertThat(socket.getChannel()).isNotNull();
		}
	}

	@Test
	void openConnectionIsNotClosedOnEitherPath() throws IOException {
		for (boolean withChannel : new boolean[] { true, false }) {
			try (Socket socket = connect(withChannel); Socket receiver = this.server.accept()) {
				assertThat(this.probe.closedByReceiver(socket)).as("channel %s", withChannel).isFalse();
				receiver.getOutputStream().write('x');
				receiver.getOutputStream().flush();
				await().until(() -> socket.getInputStream().available() > 0);
				assertThat(this.probe.closedByReceiver(socket)).as("channel %s, a byte from the receiver", withChannel)
					.isFalse();
				assertThat(this.probe.closedByReceiver(socket)).as("channel %s, again", withChannel).isFalse();
			}
		}
	}

	@Test
	void closeByTheReceiverIsSeenOnEitherPath() throws IOException {
		for (boolean withChannel : new boolean[] { true, false }) {
			try (Socket socket = connect(withChannel)) {
				Socket receiver = this.server.accept();
				assertThat(this.probe.closedByReceiver(socket)).isFalse();
				receiver.close();
				await().until(() -> this.probe.closedByReceiver(socket));
			}
		}
	}

	@Test
	void resetByTheReceiverIsSeenOnEitherPath() throws IOException {
		for (boolean withChannel : new boolean[] { true, false }) {
			try (Socket socket = connect(withChannel)) {
				Socket receiver = this.server.accept();
				assertThat(this.probe.closedByReceiver(socket)).isFalse();
				// Linger 0 makes close send a reset rather than the end of the stream.
				receiver.setSoLinger(true, 0);
				receiver.close();
				await().until(() -> this.probe.closedByReceiver(socket));
			}
		}
	}

	@Test
	void socketStaysUsableForBlockingWritesAfterAProbe() throws IOException {
		try (Socket socket = connect(true); Socket receiver = this.server.accept()) {
			assertThat(this.probe.closedByReceiver(socket)).isFalse();
			socket.getOutputStream().write("line\n".getBytes());
			socket.getOutputStream().flush();
			assertThat(receiver.getInputStream().readNBytes(5)).isEqualTo("line\n".getBytes());
		}
	}

	private Socket connect(boolean withChannel) throws IOException {
		Socket socket = withChannel ? ReceiverCloseProbe.openPlainSocket() : new Socket();
		socket.connect(new InetSocketAddress("127.0.0.1", this.server.getLocalPort()), 2000);
		return socket;
	}

}
