package io.github.structuredlogging.destination.syslog;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.github.structuredlogging.destination.DeliverySettings;
import io.github.structuredlogging.destination.DestinationOutput;
import io.github.structuredlogging.support.LoggerContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Syslog over TLS (RFC 5425) to a real syslog-ng whose {@code tls()} source presents a self-signed certificate the
 * test generates; the destination trusts it through the JVM's trust store, as an application configures it. A TLS
 * source parses nothing that is not TLS, so a message in syslog-ng's file arrived encrypted.
 */
class SyslogTlsTests {

	private static final int EVENTS = 200;

	private static final String PASSWORD = "changeit";

	@TempDir
	Path directory;

	@Test
	void shipsEveryEventOverTlsToSyslogNg() throws Exception {
		Path keyStore = generateKeyPair();
		Path key = this.directory.resolve("key.pem");
		Path certificate = this.directory.resolve("cert.pem");
		writePem(keyStore, key, certificate);
		System.setProperty("javax.net.ssl.trustStore", keyStore.toString());
		System.setProperty("javax.net.ssl.trustStorePassword", PASSWORD);
		System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
		LoggerContext context = LoggerContexts.started("syslog-tls-test");
		try (SyslogReceiver receiver = SyslogReceiver.syslogNgTls(this.directory.resolve("receiver"), key, certificate)
			.start()) {
			PatternLayoutEncoder encoder = new PatternLayoutEncoder();
			encoder.setContext(context);
			encoder.setPattern("%msg%n");
			encoder.start();
			SyslogDestination syslog = new SyslogDestination(
					new Rfc5424Message(SyslogFacility.USER, "test-host", "tls-test", "7"), "127.0.0.1", receiver.port(),
					SyslogTransport.TCP, true, Duration.ofSeconds(5));
			DestinationOutput output = new DestinationOutput("tls", syslog, encoder, Level.TRACE,
					new DeliverySettings(1000, 64, null, Level.WARN, 0, Duration.ofMillis(50), Duration.ofMillis(500),
							Duration.ofSeconds(10), Duration.ofSeconds(10)));
			output.setContext(context);
			output.start();
			for (int seq = 0; seq < EVENTS; seq++) {
				output.write(new LoggingEvent(SyslogTlsTests.class.getName(), context.getLogger("tls"), Level.WARN,
						"encrypted " + seq, null, null));
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> encryptedLines(receiver).size() == EVENTS);
			assertThat(syslog.isConnected()).isTrue();
			output.stop();
			assertThat(encryptedLines(receiver)).containsExactlyInAnyOrderElementsOf(
					IntStream.range(0, EVENTS).mapToObj((seq) -> "warning tls-test  encrypted " + seq).toList());
			assertThat(output.getDelivered(Level.WARN)).isEqualTo(EVENTS);
		}
		finally {
			context.stop();
		}
	}

	private static List<String> encryptedLines(SyslogReceiver receiver) throws Exception {
		if (!Files.exists(receiver.output())) {
			return List.of();
		}
		return Files.readAllLines(receiver.output()).stream().filter((line) -> line.contains("encrypted")).toList();
	}

	/**
	 * A self-signed certificate for 127.0.0.1, made by the JDK's own keytool.
	 */
	private Path generateKeyPair() throws Exception {
		Path keyStore = this.directory.resolve("server.p12");
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-genkeypair", "-alias", "syslog", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname",
				"CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-keystore", keyStore.toString(),
				"-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD)
			.redirectErrorStream(true)
			.start();
		String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(keytool.exitValue()).as(out).isZero();
		return keyStore;
	}

	/**
	 * The key and certificate as the PEM files syslog-ng reads.
	 */
	private static void writePem(Path keyStorePath, Path key, Path certificate) throws Exception {
		KeyStore keyStore = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keyStorePath)) {
			keyStore.load(in, PASSWORD.toCharArray());
		}
		Certificate cert = keyStore.getCertificate("syslog");
		Files.writeString(key, pem("PRIVATE KEY", keyStore.getKey("syslog", PASSWORD.toCharArray()).getEncoded()));
		Files.writeString(certificate, pem("CERTIFICATE", cert.getEncoded()));
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

}
