package io.github.structuredlogging.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A single-node KRaft broker (Kafka's own test cluster) in a JVM of its own, so that the broker's work and
 * allocation do not count in the benchmark's JVM. Prints {@value #READY} and its bootstrap servers once the topic
 * exists, then runs until killed.
 */
public final class KafkaBrokerMain {

	static final String READY = "BROKER-READY ";

	static final String TOPIC = "bench";

	private KafkaBrokerMain() {
	}

	public static void main(String[] args) throws Exception {
		KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(
				new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
			.build();
		cluster.format();
		cluster.startup();
		cluster.waitForReadyBrokers();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
		}
		System.out.println(READY + cluster.bootstrapServers());
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

	/**
	 * Starts the broker in a child JVM and waits until it is ready.
	 * @return the running broker
	 * @throws IOException if the child cannot be started or ends before it is ready
	 */
	static Broker start() throws IOException {
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-cp", System.getProperty("java.class.path"), KafkaBrokerMain.class.getName())
			.redirectError(Redirect.DISCARD)
			.start();
		BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()));
		String line;
		while ((line = out.readLine()) != null) {
			if (line.startsWith(READY)) {
				Thread drain = new Thread(() -> {
					try {
						process.getInputStream().transferTo(OutputStream.nullOutputStream());
					}
					catch (IOException ex) {
						// The broker was stopped.
					}
				});
				drain.setDaemon(true);
				drain.start();
				return new Broker(process, line.substring(READY.length()).trim());
			}
		}
		throw new IOException("Broker exited before it was ready");
	}

	/**
	 * A broker running in a child JVM.
	 *
	 * @param process the child
	 * @param bootstrapServers where to connect
	 */
	record Broker(Process process, String bootstrapServers) implements AutoCloseable {

		@Override
		public void close() throws InterruptedException {
			this.process.destroyForcibly();
			this.process.waitFor(30, TimeUnit.SECONDS);
		}

	}

}
