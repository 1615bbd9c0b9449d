package io.github.structuredlogging.exchange;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.structuredlogging.exchange.HttpExchange.Body;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;

/**
 * Turns the captured start of a body into what its line shows: JSON as a nested tree and form data as fields (so
 * masking by field name reaches into them), other text as a string, binary content not at all.
 */
public class ExchangeBodies {

	private final int maxBytes;

	/**
	 * Creates the renderer.
	 * @param maxBytes the most bytes of a body kept
	 */
	public ExchangeBodies(int maxBytes) {
		this.maxBytes = maxBytes;
	}

	/**
	 * The most bytes of a body that need capturing.
	 * @return the cap
	 */
	public int maxBytes() {
		return this.maxBytes;
	}

	/**
	 * Renders a body.
	 * @param captured the captured bytes, starting with the body's first byte
	 * @param capturedLength how many bytes of {@code captured} hold the body
	 * @param totalLength the body's full length
	 * @param contentType the content type header, or {@code null}
	 * @return the body for the line, or {@code null} when there is none or it is not text
	 */
	public Body render(byte[] captured, int capturedLength, long totalLength, String contentType) {
		if (totalLength <= 0 || capturedLength <= 0 || contentType == null) {
			return null;
		}
		MediaType type = mediaType(contentType);
		if (type == null) {
			return null;
		}
		int length = Math.min(capturedLength, this.maxBytes);
		boolean cut = totalLength > length;
		if (isJson(type)) {
			JsonNode tree = PartialJson.read(captured, length, cut);
			if (tree != null) {
				return new Body(tree, cut);
			}
		}
		Charset charset = (type.getCharset() != null) ? type.getCharset() : StandardCharsets.UTF_8;
		String text = text(captured, length, charset, cut);
		if (MediaType.APPLICATION_FORM_URLENCODED.includes(type)) {
			return new Body(form(text, cut, charset), cut);
		}
		if (isText(type)) {
			return new Body(text, cut);
		}
		return null;
	}

	private static MediaType mediaType(String contentType) {
		try {
			return MediaType.parseMediaType(contentType);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static boolean isJson(MediaType type) {
		return MediaType.APPLICATION_JSON.isCompatibleWith(type) || type.getSubtype().endsWith("+json");
	}

	private static boolean isText(MediaType type) {
		return "text".equals(type.getType()) || type.getSubtype().endsWith("xml") || isJson(type);
	}

	/**
	 * Decodes the kept bytes; a character the cut split leaves a replacement character at the end, dropped here.
	 */
	private static String text(byte[] captured, int length, Charset charset, boolean cut) {
		String text = new String(captured, 0, length, charset);
		if (cut) {
			int end = text.length();
			while (end > 0 && text.charAt(end - 1) == '\uFFFD') {
				end--;
			}
			text = text.substring(0, end);
		}
		return text;
	}

	/**
	 * Form fields by name; the last pair is left out of a cut body, since its value may be only the start of a
	 * secret.
	 */
	private static Map<String, String> form(String text, boolean cut, Charset charset) {
		Map<String, String> fields = new LinkedHashMap<>();
		String[] pairs = text.split("&");
		int complete = cut ? pairs.length - 1 : pairs.length;
		for (int i = 0; i < complete; i++) {
			String pair = pairs[i];
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode((equals < 0) ? pair : pair.substring(0, equals), charset);
			String value = (equals < 0) ? "" : decode(pair.substring(equals + 1), charset);
			fields.merge(name, value, (first, second) -> first + "," + second);
		}
		return fields;
	}

	private static String decode(String encoded, Charset charset) {
		try {
			return URLDecoder.decode(encoded, charset);
		}
		catch (IllegalArgumentException ex) {
			return encoded;
		}
	}

}
