package io.github.structuredlogging.output;

import java.util.ArrayList;
import java.util.List;

import io.github.structuredlogging.format.LogFormat;
import io.github.structuredlogging.validation.SelfValidatingProperties;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings for how log events are written: the console and file appenders that replace Spring Boot's defaults
 * when the application brings no Logback configuration of its own.
 */
@ConfigurationProperties(prefix = OutputProperties.PREFIX)
public class OutputProperties extends SelfValidatingProperties {

	public static final String PREFIX = "structured-logging.output";

	/**
	 * Whether to replace Spring Boot's default console and file appenders with structured ones. Ignored when the
	 * application has its own logback-spring.xml, logback.xml or logging.config.
	 */
	private boolean enabled = true;

	/**
	 * Format of console output. Spring Boot's logging.structured.format.console, when set, takes precedence.
	 */
	@NotNull
	private LogFormat consoleFormat = LogFormat.JSON;

	/**
	 * Format of the log file, written when logging.file.name or logging.file.path is set. Spring Boot's
	 * logging.structured.format.file, when set, takes precedence.
	 */
	@NotNull
	private LogFormat fileFormat = LogFormat.JSON;

	/**
	 * Profiles under which the console writes readable text and the application's own package logs at DEBUG
	 * (unless logging.level.* covers it). Spring Boot DevTools on the class path has the same effect.
	 */
	private List<String> developmentProfiles = new ArrayList<>(List.of("dev", "local"));

	/**
	 * Value of the "service" field in every JSON event. Defaults to spring.application.name when that is set.
	 */
	private String serviceName;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public LogFormat getConsoleFormat() {
		return this.consoleFormat;
	}

	public void setConsoleFormat(LogFormat consoleFormat) {
		this.consoleFormat = consoleFormat;
	}

	public LogFormat getFileFormat() {
		return this.fileFormat;
	}

	public void setFileFormat(LogFormat fileFormat) {
		this.fileFormat = fileFormat;
	}

	public List<String> getDevelopmentProfiles() {
		return this.developmentProfiles;
	}

	public void setDevelopmentProfiles(List<String> developmentProfiles) {
		this.developmentProfiles = developmentProfiles;
	}

	public String getServiceName() {
		return this.serviceName;
	}

	public void setServiceName(String serviceName) {
		this.serviceName = serviceName;
	}

}
