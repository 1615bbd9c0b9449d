package io.github.structuredlogging.destination;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

import javax.net.ssl.SSLSocket;

/**
 * Tells whether the receiver of a stream protocol that never answers (syslog over TCP, JSON lines) closed or reset
 * the connection: any read that returns at once with the end of the stream or an error means it did.
 * <p>
 * A plain socket made by {@link #openPlainSocket()} is probed with one non-blocking read, a few microseconds. Any
 * other socket (TLS, whose records only the TLS layer may read) is probed with a read that times out after
 * {@value #TIMED_PROBE_MILLIS} ms, which costs that millisecond every time: done twice per batch, it would cap a
 * plain connection at a few hundred batches per second.
 */
public final class ReceiverCloseProbe {

	private static final int TIMED_PROBE_MILLIS = 1;

	private final ByteBuffer discarded = ByteBuffer.allocate(1);

	/**
	 * An unconnected plain TCP socket backed by a channel, so that {@link #closedByReceiver} can probe it without
	 * waiting.
	 * @return the socket, in blocking mode
	 * @throws IOException when no socket can be opened
	 */
	public static Socket openPlainSocket() throws IOException {
		return SocketChannel.open().socket();
	}

	/**
	 * Whether the receiver closed or reset the connection. A byte the receiver did send is read and ignored.
	 * @param socket the connected socket; used by the calling thread only
	 * @return {@code true} when the connection is closed or broken
	 */
	public boolean closedByReceiver(Socket socket) {
		try {
			// A TLS socket layered on a plain one answers with the plain one's channel, whose bytes are TLS records.
			SocketChannel channel = (socket instanceof SSLSocket) ? null : socket.getChannel();
			return (channel != null) ? closedWithoutWaiting(channel) : closedWithin(socket);
		}
		catch (IOException ex) {
			return true;
		}
	}

	private boolean closedWithoutWaiting(SocketChannel channel) throws IOException {
		synchronized (channel.blockingLock()) {
			channel.configureBlocking(false);
			try {
				this.discarded.clear();
				return channel.read(this.discarded) < 0;
			}
			finally {
				channel.configureBlocking(true);
			}
		}
	}

	private static boolean closedWithin(Socket socket) throws IOException {
		try {
			socket.setSoTimeout(TIMED_PROBE_MILLIS);
			return socket.getInputStream().read() < 0;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
	}

}
