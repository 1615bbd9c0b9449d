package io.github.structuredlogging.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real syslog-ng on two loopback ports, run in the foreground with a configuration of its own (never the system
 * service): an RFC 5424 {@code syslog()} source with octet counting, and a {@code network()} source taking
 * newline-delimited lines unparsed (what logstash-logback-encoder's TCP appender sends). Both write one short line
 * per message to a file, whose new bytes are counted as they grow.
 */
final class SyslogNgCollector implements AutoCloseable {

	private final Path directory;

	private final Path output;

	private final int syslogPort;

	private final int linesPort;

	private final Process process;

	private final ByteBuffer block = ByteBuffer.allocateDirect(1 << 16);

	private FileChannel channel;

	private long messages;

	SyslogNgCollector() throws IOException, InterruptedException {
		this.directory = Files.createTempDirectory("bench-syslog-ng");
		this.output = this.directory.resolve("received.log");
		this.syslogPort = freePort();
		this.linesPort = freePort();
		Path config = this.directory.resolve("syslog-ng.conf");
		// One level name per message keeps the file small; syslog-ng still parses every message whole.
		Files.writeString(config, """
				@version: 3.38
				options { flush_lines(0); log_msg_size(1048576); };
				source s_syslog { syslog(ip("127.0.0.1") port(%d) transport("tcp") max-connections(10)); };
				source s_lines { network(ip("127.0.0.1") port(%d) transport("tcp") flags(no-parse) max-connections(10)); };
				destination d_file { file("%s" template("${LEVEL}\\n")); };
				log { source(s_syslog); source(s_lines); destination(d_file); };
				""".formatted(this.syslogPort, this.linesPort, this.output));
		this.process = new ProcessBuilder("syslog-ng", "--foreground", "--no-caps", "-f", config.toString(), "-R",
				this.directory.resolve("persist").toString(), "-p", this.directory.resolve("pid").toString(), "-c",
				this.directory.resolve("ctl").toString())
			.redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("daemon.out").toFile())
			.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (!listening(this.syslogPort) || !listening(this.linesPort)) {
			if (!this.process.isAlive() || System.nanoTime() > deadline) {
				throw new IllegalStateException(
						"syslog-ng did not start: " + Files.readString(this.directory.resolve("daemon.out")));
			}
			Thread.sleep(50);
		}
	}

	int syslogPort() {
		return this.syslogPort;
	}

	int linesPort() {
		return this.linesPort;
	}

	/**
	 * Messages syslog-ng has written so far; called from one thread at a time.
	 * @return the count
	 */
	long messages() {
		try {
			if (this.channel == null) {
				if (!Files.exists(this.output)) {
					return 0;
				}
				this.channel = FileChannel.open(this.output, StandardOpenOption.READ);
			}
			while (this.channel.read(this.block) > 0) {
				this.block.flip();
				while (this.block.hasRemaining()) {
					if (this.block.get() == '\n') {
						this.messages++;
					}
				}
				this.block.clear();
			}
			return this.messages;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() throws IOException, InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		if (this.channel != null) {
			this.channel.close();
		}
		try (Stream<Path> files = Files.walk(this.directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
	}

}
