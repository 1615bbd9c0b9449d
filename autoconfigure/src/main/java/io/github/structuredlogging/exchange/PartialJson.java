package io.github.structuredlogging.exchange;

import java.util.ArrayDeque;
import java.util.Deque;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads as much of a JSON document as a byte prefix holds into a tree, so a body cut at the size cap is still
 * written as nested JSON (and masked field by field) rather than as a broken string. Whatever the cut splits is
 * left out: a string the parser could not finish, and a number or literal that ends exactly at the cut (it may
 * be the first digits of a longer secret).
 */
final class PartialJson {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final Deque<JsonNode> open = new ArrayDeque<>();

	private JsonNode root;

	private String name;

	private PartialJson() {
	}

	/**
	 * Reads a prefix of a document.
	 * @param bytes the bytes held
	 * @param length how many of them to read
	 * @param cut whether the document goes on past {@code length}
	 * @return the tree read, or {@code null} when the bytes do not start a JSON document
	 */
	static JsonNode read(byte[] bytes, int length, boolean cut) {
		PartialJson reader = new PartialJson();
		try (JsonParser parser = MAPPER.createParser(bytes, 0, length)) {
			reader.readAll(parser, length, cut);
		}
		catch (JacksonException ex) {
			if (!cut) {
				return null;
			}
		}
		return reader.root;
	}

	private void readAll(JsonParser parser, int length, boolean cut) {
		for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
			switch (token) {
				case START_OBJECT -> push(NODES.objectNode());
				case START_ARRAY -> push(NODES.arrayNode());
				case END_OBJECT, END_ARRAY -> this.open.pop();
				case PROPERTY_NAME -> this.name = parser.currentName();
				case VALUE_STRING -> add(NODES.stringNode(parser.getString()));
				default -> {
					if (!(cut && parser.currentLocation().getByteOffset() >= length)) {
						add(scalar(parser, token));
					}
				}
			}
		}
	}

	private static JsonNode scalar(JsonParser parser, JsonToken token) {
		return switch (token) {
			case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
				case INT -> NODES.numberNode(parser.getIntValue());
				case LONG -> NODES.numberNode(parser.getLongValue());
				default -> NODES.numberNode(parser.getBigIntegerValue());
			};
			case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
			case VALUE_TRUE -> NODES.booleanNode(true);
			case VALUE_FALSE -> NODES.booleanNode(false);
			default -> NODES.nullNode();
		};
	}

	private void push(JsonNode container) {
		add(container);
		this.open.push(container);
	}

	private void add(JsonNode node) {
		JsonNode parent = this.open.peek();
		if (parent == null) {
			this.root = node;
		}
		else if (parent instanceof ObjectNode object) {
			object.set(this.name, node);
		}
		else {
			((ArrayNode) parent).add(node);
		}
	}

}
