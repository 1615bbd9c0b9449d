package io.github.structuredlogging.destination.logstash;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.structuredlogging.destination.DeliveryBatch;
import io.github.structuredlogging.destination.LogDestination;
import io.github.structuredlogging.destination.ReceiverCloseProbe;
import io.github.structuredlogging.destination.UnconfirmedRecords;
import net.logstash.logback.appender.destination.DestinationConnectionStrategy;
import net.logstash.logback.appender.destination.DestinationParser;

/**
 * Ships events as JSON lines over TCP to Logstash's {@code tcp} input (codec {@code json_lines}), or anything that
 * reads newline-delimited JSON. Hosts are parsed and chosen by logstash-logback-encoder's own machinery
 * ({@link DestinationParser}, {@link DestinationConnectionStrategy}), so fail-over behaves as its
 * {@code LogstashTcpSocketAppender} does; the pipeline around this class replaces that appender's ring buffer,
 * reconnection delay (back-off on each failed batch) and loss on disconnect (spill and resend).
 * <p>
 * Each connection begins at a record boundary: a record cut by a broken connection is sent again whole on the next
 * one, so a receiver never sees half a line glued to the next. The JSON lines protocol has no acknowledgement: a
 * flushed write only reached the socket buffers. So when a connection is found closed or reset, the last
 * {@value #RESEND_WINDOW} records written on it are written again on the next connection, ahead of the failed batch:
 * what the receiver still held does not go missing, and what it had already read arrives twice (the sequence
 * number or correlation id of each event tells duplicates apart).
 */
public class LogstashTcpDestination implements LogDestination {

	/** Port of a host given without one: Logstash's customary TCP input port. */
	public static final int DEFAULT_PORT = 4560;

	/** Records written again after a broken connection. */
	static final int RESEND_WINDOW = 2048;

	private final ReceiverCloseProbe probe = new ReceiverCloseProbe();

	private final UnconfirmedRecords unconfirmed = new UnconfirmedRecords(RESEND_WINDOW);

	private final List<InetSocketAddress> hosts;

	private final DestinationConnectionStrategy strategy;

	/** The TLS socket factory, or {@code null} for plain connections. */
	private final SocketFactory tlsSocketFactory;

	private final Duration connectTimeout;

	private Socket socket;

	private OutputStream output;

	private int hostIndex = -1;

	private volatile InetSocketAddress connectedHost;

	/**
	 * Creates the destination.
	 * @param hosts comma-separated {@code host:port} list, in logstash-logback-encoder's syntax
	 * @param strategy how a host is picked at each connection
	 * @param tls whether connections use TLS, trusting the JVM's default trust store
	 * @param connectTimeout time allowed for each connection attempt
	 */
	public LogstashTcpDestination(String hosts, DestinationConnectionStrategy strategy, boolean tls,
			Duration connectTimeout) {
		this.hosts = DestinationParser.parse(hosts, DEFAULT_PORT);
		this.strategy = strategy;
		this.tlsSocketFactory = tls ? SSLSocketFactory.getDefault() : null;
		this.connectTimeout = connectTimeout;
	}

	@Override
	public byte[] frame(ILoggingEvent event, byte[] formatted) {
		if (formatted.length > 0 && formatted[formatted.length - 1] == '\n') {
			return formatted;
		}
		byte[] line = Arrays.copyOf(formatted, formatted.length + 1);
		line[formatted.length] = '\n';
		return line;
	}

	@Override
	public void send(DeliveryBatch batch) {
		try {
			if (this.socket != null && this.probe.closedByReceiver(this.socket)) {
				disconnect(true);
			}
			else if (this.socket != null
					&& this.strategy.shouldReconnect(System.currentTimeMillis(), this.hostIndex, this.hosts.size())) {
				// A graceful close: the receiver reads what was written before it sees the end of the stream.
				disconnect(false);
			}
			if (this.socket == null) {
				connect();
			}
			this.unconfirmed.resendIfPending(this.output::write);
			for (int i = 0; i < batch.size(); i++) {
				this.output.write(batch.record(i));
			}
			this.output.flush();
			if (this.probe.closedByReceiver(this.socket)) {
				throw new IOException("Logstash receiver " + this.connectedHost + " closed the connection");
			}
			this.unconfirmed.written(batch);
			batch.completed(batch.size(), null);
		}
		catch (IOException ex) {
			disconnect(true);
			batch.completed(0, ex);
		}
	}

	/**
	 * Tries each host once, in the strategy's order, as logstash-logback-encoder's appender does on reconnection.
	 */
	private void connect() throws IOException {
		IOException failure = null;
		for (int attempt = 0; attempt < this.hosts.size(); attempt++) {
			int index = this.strategy.selectNextDestinationIndex(this.hostIndex, this.hosts.size());
			this.hostIndex = index;
			long startedAt = System.currentTimeMillis();
			Socket candidate = (this.tlsSocketFactory != null) ? this.tlsSocketFactory.createSocket()
					: ReceiverCloseProbe.openPlainSocket();
			try {
				candidate.setKeepAlive(true);
				candidate.setTcpNoDelay(true);
				// The parser leaves hosts unresolved: resolved at each connection, so a changed DNS entry is followed.
				InetSocketAddress host = this.hosts.get(index);
				candidate.connect(new InetSocketAddress(host.getHostString(), host.getPort()),
						(int) this.connectTimeout.toMillis());
				this.strategy.connectSuccess(startedAt, index, this.hosts.size());
				this.socket = candidate;
				this.output = new BufferedOutputStream(candidate.getOutputStream(), 64 * 1024);
				this.connectedHost = this.hosts.get(index);
				return;
			}
			catch (IOException ex) {
				candidate.close();
				this.strategy.connectFailed(startedAt, index, this.hosts.size());
				failure = ex;
			}
		}
		throw new IOException("No Logstash host reachable of " + this.hosts, failure);
	}

	private void disconnect(boolean broken) {
		this.connectedHost = null;
		if (this.socket != null) {
			if (broken) {
				this.unconfirmed.connectionBroken();
			}
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// Already broken; the next batch connects anew.
			}
			this.socket = null;
			this.output = null;
		}
	}

	/**
	 * The host of the current connection.
	 * @return the host, or {@code null} while not connected
	 */
	public InetSocketAddress getConnectedHost() {
		return this.connectedHost;
	}

	@Override
	public boolean isConnected() {
		return this.connectedHost != null;
	}

	@Override
	public void close() {
		disconnect(false);
	}

}
