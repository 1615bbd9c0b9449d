package io.github.structuredlogging.destination.syslog;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real syslog daemon (syslog-ng or rsyslog) run in the foreground by a test, on a free loopback port, with a
 * configuration the test writes, writing every message it receives to a file as
 * {@code SEVERITY APP-NAME CORRELATION-ID MESSAGE}. Never the system service.
 */
final class SyslogReceiver implements AutoCloseable {

	/** How long the daemon is stopped before it is killed. */
	private static final Duration STALL = Duration.ofMillis(500);

	/** Socket receive buffer asked of either daemon (the kernel doubles it). */
	private static final int RECEIVE_BUFFER_BYTES = 131072;

	private final List<String> command;

	private final Map<String, String> environment;

	private final Path directory;

	private final Path output;

	private final int port;

	private final boolean udp;

	private final List<String> tornTails = new ArrayList<>();

	private Process process;

	private SyslogReceiver(List<String> command, Map<String, String> environment, Path directory, Path output,
			int port) {
		this.udp = command.stream().anyMatch((argument) -> argument.endsWith("udp.conf"));
		this.command = command;
		this.environment = environment;
		this.directory = directory;
		this.output = output;
		this.port = port;
	}

	/**
	 * syslog-ng on TCP with a fixed receive buffer, as README asks of a receiver that must not lose what it holds
	 * when killed: left to the kernel, the buffer grows to megabytes while syslog-ng is slow, beyond any resend
	 * window.
	 */
	static SyslogReceiver syslogNg(Path directory) throws IOException {
		return syslogNg(directory, "tcp", " so-rcvbuf(%d)".formatted(RECEIVE_BUFFER_BYTES));
	}

	static SyslogReceiver syslogNg(Path directory, String transport) throws IOException {
		return syslogNg(directory, transport, "");
	}

	/**
	 * syslog-ng with a TLS source (RFC 5425) that presents the given certificate and asks for none from the client.
	 * @param directory where the configuration and the output go
	 * @param key the server's private key, PEM
	 * @param certificate the server's certificate, PEM
	 * @return the receiver, not started
	 * @throws IOException when the configuration cannot be written
	 */
	static SyslogReceiver syslogNgTls(Path directory, Path key, Path certificate) throws IOException {
		return syslogNg(directory, "tls", " tls(key-file(\"%s\") cert-file(\"%s\") peer-verify(optional-untrusted))"
			.formatted(key, certificate));
	}

	private static SyslogReceiver syslogNg(Path directory, String transport, String sourceOptions)
			throws IOException {
		Files.createDirectories(directory);
		int port = freePort();
		Path output = directory.resolve("received.log");
		Path config = directory.resolve("syslog-ng-" + transport + ".conf");
		Files.writeString(config, """
				@version: 3.38
				options { flush_lines(0); keep_hostname(yes); log_msg_size(1048576); create_dirs(yes); };
				source s_net { syslog(ip("127.0.0.1") port(%d) transport("%s") max-connections(10)%s); };
				destination d_file { file("%s" template("${LEVEL} ${PROGRAM} ${.SDATA.mdc@32473.correlationId} ${MSG}\\n")); };
				log { source(s_net); destination(d_file); flags(flow-control); };
				""".formatted(port, transport, sourceOptions, output));
		return new SyslogReceiver(List.of("syslog-ng", "--foreground", "--no-caps", "-f", config.toString(), "-R",
				directory.resolve("syslog-ng.persist").toString(), "-p", directory.resolve("syslog-ng.pid").toString(),
				"-c", directory.resolve("syslog-ng.ctl").toString()), Map.of(), directory, output, port);
	}

	/**
	 * rsyslog on TCP with a fixed receive buffer of the same size as syslog-ng's and no queue of its own
	 * ({@code Direct}: the input thread writes each message to the file itself, so flow control reaches the socket).
	 * {@code imtcp} has no receive buffer option, so it is set by {@code fixed-rcvbuf.c}, preloaded into the daemon
	 * (built with {@code gcc}, which {@code .ci/run} installs when missing). Left to the kernel, the buffer grew to
	 * 1.3 MB in a run on the test machine, more than the resend window, and a CI run lost events beyond it.
	 */
	static SyslogReceiver rsyslog(Path directory) throws IOException, InterruptedException {
		Files.createDirectories(directory);
		int port = freePort();
		Path output = directory.resolve("received.log");
		Path config = directory.resolve("rsyslog.conf");
		Path home = rsyslogHome();
		Files.writeString(config, """
				global(workDirectory="%s")
				main_queue(queue.type="Direct")
				module(load="imtcp")
				template(name="line" type="string" string="%%syslogseverity-text%% %%app-name%% %%structured-data:R,ERE,1,DFLT:correlationId=\\"([^\\"]*)\\"--end%% %%msg%%\\n")
				input(type="imtcp" address="127.0.0.1" port="%d")
				action(type="omfile" file="%s" template="line")
				""".formatted(directory, port, output));
		Map<String, String> environment = Map.of("LD_LIBRARY_PATH",
				home.resolve("usr/lib/x86_64-linux-gnu").toString(), "LD_PRELOAD",
				fixedReceiveBufferLibrary(directory).toString(), "FIXED_RCVBUF",
				Integer.toString(RECEIVE_BUFFER_BYTES));
		return new SyslogReceiver(List.of(home.resolve("usr/sbin/rsyslogd").toString(), "-n", "-f",
				config.toString(), "-i", directory.resolve("rsyslog.pid").toString(), "-M",
				home.resolve("usr/lib/x86_64-linux-gnu/rsyslog").toString()), environment, directory, output, port);
	}

	private static Path fixedReceiveBufferLibrary(Path directory) throws IOException, InterruptedException {
		Path source = directory.resolve("fixed-rcvbuf.c");
		try (InputStream resource = SyslogReceiver.class.getResourceAsStream("/syslog/fixed-rcvbuf.c")) {
			Files.copy(resource, source);
		}
		Path library = directory.resolve("fixed-rcvbuf.so");
		Process gcc = new ProcessBuilder("gcc", "-shared", "-fPIC", "-o", library.toString(), source.toString(), "-ldl")
			.redirectErrorStream(true)
			.start();
		String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (gcc.waitFor() != 0) {
			throw new IllegalStateException("gcc could not build " + source + ": " + output);
		}
		return library;
	}

	/**
	 * Where rsyslog is: Debian's syslog-ng-core and rsyslog packages conflict, so CI unpacks rsyslog into a
	 * directory of its own (see {@code .ci/run}), named by {@code RSYSLOG_HOME}; an installed one lives under
	 * {@code /}.
	 */
	static Path rsyslogHome() {
		String home = System.getenv("RSYSLOG_HOME");
		if (home != null && !home.isEmpty()) {
			return Path.of(home);
		}
		Path unpacked = Path.of("..", "target", "rsyslog").toAbsolutePath().normalize();
		return Files.isExecutable(unpacked.resolve("usr/sbin/rsyslogd")) ? unpacked : Path.of("/");
	}

	int port() {
		return this.port;
	}

	Path output() {
		return this.output;
	}

	SyslogReceiver start() throws IOException {
		ProcessBuilder builder = new ProcessBuilder(this.command).redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("daemon.out").toFile());
		builder.environment().putAll(this.environment);
		this.process = builder.start();
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.command.get(0) + " exited: "
						+ Files.readString(this.directory.resolve("daemon.out")));
			}
			return this.udp || listening();
		});
		return this;
	}

	/**
	 * Kills the daemon the hard way, as a crash or an OOM kill would, after it stalled: it is stopped
	 * ({@code SIGSTOP}) for {@link #STALL} first, so that the sender fills every buffer the daemon owns and the kill
	 * loses as much as it can, whatever the scheduler did. The daemon writes its own file in fixed-size chunks
	 * (rsyslog's {@code omfile} in 4 KiB writes that end anywhere in a line), so the kill can leave the file ending
	 * in part of a record, which the restarted daemon's first line would then be appended to. That part is cut off
	 * and kept, for the test to check that the whole record arrived again.
	 */
	void kill() throws InterruptedException, IOException {
		suspend();
		Thread.sleep(STALL.toMillis());
		killNow();
	}

	private void killNow() throws InterruptedException, IOException {
		this.process.destroyForcibly();
		this.process.waitFor(10, TimeUnit.SECONDS);
		if (Files.exists(this.output)) {
			cutTornTail();
		}
	}

	private void suspend() throws IOException, InterruptedException {
		// The shell's own kill: a minimal Debian has no kill program (procps).
		Process kill = new ProcessBuilder("sh", "-c", "kill -STOP \"$1\"", "sh", Long.toString(this.process.pid()))
			.start();
		if (kill.waitFor() != 0) {
			throw new IllegalStateException("kill -STOP " + this.process.pid() + " failed");
		}
	}

	private void cutTornTail() throws IOException {
		byte[] written = Files.readAllBytes(this.output);
		int lineEnd = written.length;
		while (lineEnd > 0 && written[lineEnd - 1] != '\n') {
			lineEnd--;
		}
		if (lineEnd < written.length) {
			this.tornTails.add(new String(written, lineEnd, written.length - lineEnd, StandardCharsets.UTF_8));
			try (FileChannel file = FileChannel.open(this.output, StandardOpenOption.WRITE)) {
				file.truncate(lineEnd);
			}
		}
	}

	/**
	 * The parts of records that kills left at the end of the daemon's file, cut off by {@link #kill()}.
	 * @return each torn part, in the order of the kills
	 */
	List<String> tornTails() {
		return this.tornTails;
	}

	private boolean listening() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
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
	public void close() throws InterruptedException, IOException {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				killNow();
			}
		}
	}

}
