package io.github.structuredlogging.destination.syslog;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.net.ssl.SSLSocketFactory;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.structuredlogging.destination.DeliveryBatch;
import io.github.structuredlogging.destination.LogDestination;
import io.github.structuredlogging.destination.ReceiverCloseProbe;
import io.github.structuredlogging.destination.UnconfirmedRecords;

/**
 * Ships RFC 5424 messages to a syslog receiver (syslog-ng, rsyslog): over TCP, optionally with TLS, framed by
 * octet counting (RFC 6587: {@code LENGTH SP MESSAGE}), or over UDP, one message per datagram.
 * <p>
 * Plain TCP syslog has no acknowledgement: a write that succeeded only reached the socket buffers, and a receiver
 * killed while holding them loses what they held. So the connection is probed for a close or reset before and
 * after each batch, and when a connection is found broken, the last {@value #RESEND_WINDOW} records sent on it
 * are sent again on the new connection ahead of the current batch ({@link UnconfirmedRecords}). What a dying receiver had already written may thus arrive twice; what it
 * still held does not go missing. The sequence number and correlation id of each event tell duplicates apart.
 */
public class SyslogDestination implements LogDestination {

	/** Largest UDP payload; longer messages are cut, as RFC 5426 allows. */
	static final int MAX_DATAGRAM_BYTES = 65507;

	/** Records sent again after a broken connection. */
	static final int RESEND_WINDOW = 2048;

	/**
	 * Socket send buffer asked for. Records still in it when the receiver dies are lost with it although their
	 * batch counted as delivered, so it is kept small enough for the resend window to cover it with room for the
	 * receiver's own buffers: left to the kernel, it grows to megabytes while a receiver is slow.
	 */
	static final int SEND_BUFFER_BYTES = 32 * 1024;

	private final Rfc5424Message message;

	private final String host;

	private final int port;

	private final SyslogTransport transport;

	private final boolean tls;

	private final Duration connectTimeout;

	private final ReceiverCloseProbe probe = new ReceiverCloseProbe();

	private Socket socket;

	private OutputStream output;

	private DatagramSocket datagramSocket;

	private volatile boolean connected;

	/** The latest records written on the current connection, which its receiver may not have taken. */
	private final UnconfirmedRecords unconfirmed = new UnconfirmedRecords(RESEND_WINDOW);

	public SyslogDestination(Rfc5424Message message, String host, int port, SyslogTransport transport, boolean tls,
			Duration connectTimeout) {
		this.message = message;
		this.host = host;
		this.port = port;
		this.transport = transport;
		this.tls = tls;
		this.connectTimeout = connectTimeout;
	}

	@Override
	public byte[] frame(ILoggingEvent event, byte[] formatted) {
		return this.message.build(event, formatted);
	}

	@Override
	public void send(DeliveryBatch batch) {
		try {
			if (this.transport == SyslogTransport.UDP) {
				sendDatagrams(batch);
			}
			else {
				sendFramed(batch);
			}
			this.connected = true;
			batch.completed(batch.size(), null);
		}
		catch (IOException ex) {
			disconnect();
			batch.completed(0, ex);
		}
	}

	private void sendFramed(DeliveryBatch batch) throws IOException {
		if (this.socket != null && this.probe.closedByReceiver(this.socket)) {
			disconnect();
		}
		if (this.socket == null) {
			connect();
		}
		this.unconfirmed.resendIfPending(this::writeFramed);
		for (int i = 0; i < batch.size(); i++) {
			writeFramed(batch.record(i));
		}
		this.output.flush();
		if (this.probe.closedByReceiver(this.socket)) {
			throw new IOException("Syslog receiver " + this.host + ":" + this.port + " closed the connection");
		}
		this.unconfirmed.written(batch);
	}

	private void writeFramed(byte[] record) throws IOException {
		this.output.write(Integer.toString(record.length).getBytes(StandardCharsets.US_ASCII));
		this.output.write(' ');
		this.output.write(record);
	}

	private void connect() throws IOException {
		Socket plain = ReceiverCloseProbe.openPlainSocket();
		try {
			plain.setKeepAlive(true);
			plain.setTcpNoDelay(true);
			plain.setSendBufferSize(SEND_BUFFER_BYTES);
			plain.connect(new InetSocketAddress(this.host, this.port), (int) this.connectTimeout.toMillis());
			this.socket = this.tls
					? ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, this.host, this.port, true)
					: plain;
		}
		catch (IOException ex) {
			plain.close();
			this.connected = false;
			throw ex;
		}
		this.output = new BufferedOutputStream(this.socket.getOutputStream(), 64 * 1024);
	}

	private void sendDatagrams(DeliveryBatch batch) throws IOException {
		if (this.datagramSocket == null) {
			this.datagramSocket = new DatagramSocket();
		}
		InetAddress address = InetAddress.getByName(this.host);
		for (int i = 0; i < batch.size(); i++) {
			byte[] record = batch.record(i);
			this.datagramSocket
				.send(new DatagramPacket(record, Math.min(record.length, MAX_DATAGRAM_BYTES), address, this.port));
		}
	}

	private void disconnect() {
		this.connected = false;
		if (this.socket != null) {
			this.unconfirmed.connectionBroken();
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

	@Override
	public boolean isConnected() {
		return this.connected;
	}

	@Override
	public void close() {
		disconnect();
		if (this.datagramSocket != null) {
			this.datagramSocket.close();
		}
	}

}
