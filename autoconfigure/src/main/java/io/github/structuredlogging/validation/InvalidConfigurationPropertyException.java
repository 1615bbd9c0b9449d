package io.github.structuredlogging.validation;

/**
 * A {@code structured-logging.*} property whose value passed Bean Validation but cannot be used, found where it is
 * put to use (a check that needs more than one value, or a value only a component can judge).
 * {@link InvalidConfigurationFailureAnalyzer} turns it into the same start-up report as a constraint violation.
 */
public class InvalidConfigurationPropertyException extends RuntimeException {

	private final String property;

	private final Object value;

	private final String allowed;

	/**
	 * Creates the exception.
	 * @param property the full property name, e.g. {@code structured-logging.masking.patterns.order.regex}
	 * @param value the rejected value
	 * @param allowed what the property accepts, phrased to follow "must"
	 */
	public InvalidConfigurationPropertyException(String property, Object value, String allowed) {
		super("Invalid value '" + value + "' for property '" + property + "': " + allowed);
		this.property = property;
		this.value = value;
		this.allowed = allowed;
	}

	public String getProperty() {
		return this.property;
	}

	public Object getValue() {
		return this.value;
	}

	public String getAllowed() {
		return this.allowed;
	}

}
