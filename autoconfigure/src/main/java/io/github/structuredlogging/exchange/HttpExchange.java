package io.github.structuredlogging.exchange;

import java.util.Map;

/**
 * What one HTTP exchange leaves in its line, gathered while it runs. Not thread-safe: one instance follows one
 * exchange.
 */
public final class HttpExchange {

	/**
	 * Which side of the exchange the application was on.
	 */
	public enum Direction {

		/** The application received the request. */
		INBOUND,

		/** The application made the call. */
		OUTBOUND

	}

	private final Direction direction;

	private final String method;

	private final long startNanos;

	private String route;

	private int status;

	private long requestBytes = -1;

	private long responseBytes = -1;

	private String peer;

	private Map<String, String> requestHeaders;

	private Map<String, String> responseHeaders;

	private Body requestBody;

	private Body responseBody;

	private Throwable failure;

	private HttpExchange(Direction direction, String method, long startNanos) {
		this.direction = direction;
		this.method = method;
		this.startNanos = startNanos;
	}

	/**
	 * Starts following an exchange now.
	 * @param direction which side the application is on
	 * @param method the HTTP method
	 * @return the exchange
	 */
	public static HttpExchange start(Direction direction, String method) {
		return new HttpExchange(direction, method, System.nanoTime());
	}

	public HttpExchange route(String route) {
		this.route = route;
		return this;
	}

	public HttpExchange status(int status) {
		this.status = status;
		return this;
	}

	public HttpExchange requestBytes(long requestBytes) {
		this.requestBytes = requestBytes;
		return this;
	}

	public HttpExchange responseBytes(long responseBytes) {
		this.responseBytes = responseBytes;
		return this;
	}

	public HttpExchange peer(String peer) {
		this.peer = peer;
		return this;
	}

	public HttpExchange requestHeaders(Map<String, String> requestHeaders) {
		this.requestHeaders = requestHeaders;
		return this;
	}

	public HttpExchange responseHeaders(Map<String, String> responseHeaders) {
		this.responseHeaders = responseHeaders;
		return this;
	}

	public HttpExchange requestBody(Body requestBody) {
		this.requestBody = requestBody;
		return this;
	}

	public HttpExchange responseBody(Body responseBody) {
		this.responseBody = responseBody;
		return this;
	}

	public HttpExchange failure(Throwable failure) {
		this.failure = failure;
		return this;
	}

	public Direction direction() {
		return this.direction;
	}

	public String method() {
		return this.method;
	}

	public long startNanos() {
		return this.startNanos;
	}

	public String route() {
		return this.route;
	}

	public int status() {
		return this.status;
	}

	public long requestBytes() {
		return this.requestBytes;
	}

	public long responseBytes() {
		return this.responseBytes;
	}

	public String peer() {
		return this.peer;
	}

	public Map<String, String> requestHeaders() {
		return this.requestHeaders;
	}

	public Map<String, String> responseHeaders() {
		return this.responseHeaders;
	}

	public Body requestBody() {
		return this.requestBody;
	}

	public Body responseBody() {
		return this.responseBody;
	}

	public Throwable failure() {
		return this.failure;
	}

	/**
	 * A body as it appears in the line.
	 *
	 * @param content a JSON tree or a string
	 * @param truncated whether the body was cut at the size cap
	 */
	public record Body(Object content, boolean truncated) {

	}

}
