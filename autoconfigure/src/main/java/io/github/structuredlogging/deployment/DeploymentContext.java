package io.github.structuredlogging.deployment;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.springframework.boot.info.GitProperties;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Where this process runs, worked out once: the host name, the instance id, the active profiles and the git commit
 * the application was built from.
 *
 * @param host the host name
 * @param instanceId the instance id
 * @param profiles the active profiles, empty when none is active
 * @param gitCommit the short id of the git commit, {@code null} without {@code git.properties}
 */
public record DeploymentContext(String host, String instanceId, List<String> profiles, String gitCommit) {

	/**
	 * Works out the context of this process.
	 * @param environment the application's environment
	 * @param git the application's {@code git.properties}, or {@code null}
	 * @param instanceId the configured instance id, or {@code null} for "host:pid"
	 * @return the context
	 */
	public static DeploymentContext of(Environment environment, GitProperties git, String instanceId) {
		String host = hostName();
		String instance = StringUtils.hasText(instanceId) ? instanceId : host + ":" + ProcessHandle.current().pid();
		String commit = (git != null) ? git.getShortCommitId() : null;
		return new DeploymentContext(host, instance, List.of(environment.getActiveProfiles()), commit);
	}

	private static String hostName() {
		String fromEnvironment = System.getenv("HOSTNAME");
		if (StringUtils.hasText(fromEnvironment)) {
			return fromEnvironment;
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

}
