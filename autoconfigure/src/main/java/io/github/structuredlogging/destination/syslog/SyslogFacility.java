package io.github.structuredlogging.destination.syslog;

/**
 * The RFC 5424 facilities an application may use, with their codes.
 */
public enum SyslogFacility {

	/** User-level messages. */
	USER(1),

	/** Local use 0. */
	LOCAL0(16),

	/** Local use 1. */
	LOCAL1(17),

	/** Local use 2. */
	LOCAL2(18),

	/** Local use 3. */
	LOCAL3(19),

	/** Local use 4. */
	LOCAL4(20),

	/** Local use 5. */
	LOCAL5(21),

	/** Local use 6. */
	LOCAL6(22),

	/** Local use 7. */
	LOCAL7(23);

	private final int code;

	SyslogFacility(int code) {
		this.code = code;
	}

	public int code() {
		return this.code;
	}

}
