package uk.gov.send.rep.hub.transfer;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Values;
import org.neo4j.driver.types.IsoDuration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Neo4j property values as JSON and back (docs/export-format.md, "Values"): strings, booleans,
 * integers (a JSON number without fraction or exponent) and floats (always with a fraction or an
 * exponent) as themselves, lists as arrays, and every other type as a one-member object naming it:
 * {@code {"$date": "2024-09-01"}}, {@code {"$datetime": "2024-09-01T10:15:30Z"}},
 * {@code {"$localdatetime": ...}}, {@code {"$time": ...}}, {@code {"$localtime": ...}},
 * {@code {"$duration": {"months", "days", "seconds", "nanoseconds"}}}, {@code {"$bytes": base64}},
 * {@code {"$float": "NaN" | "Infinity" | "-Infinity"}}.
 */
final class TypedJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private TypedJson() {
    }

    /** A node's or relationship's properties as a JSON object, keys in name order. */
    static ObjectNode encode(Map<String, Object> properties) {
        ObjectNode object = JSON.objectNode();
        properties.entrySet().stream().sorted(Map.Entry.comparingByKey())
            .forEach(property -> object.set(property.getKey(), encodeValue(property.getKey(), property.getValue())));
        return object;
    }

    /** A JSON object of properties as values the driver sends as the same Neo4j types. */
    static Map<String, Object> decode(JsonNode object) {
        if (!object.isObject()) {
            throw new IllegalArgumentException("properties must be a JSON object, not " + object.getNodeType());
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            if (!property.getValue().isNull()) {
                properties.put(property.getKey(), decodeValue(property.getKey(), property.getValue()));
            }
        }
        return properties;
    }

    private static JsonNode encodeValue(String name, Object value) {
        return switch (value) {
            case null -> JSON.nullNode();
            case String s -> JSON.stringNode(s);
            case Boolean b -> JSON.booleanNode(b);
            case Long l -> JSON.numberNode(l);
            case Integer i -> JSON.numberNode((long) i);
            case Double d when d.isNaN() || d.isInfinite() -> typed("$float", d.toString());
            case Double d -> JSON.numberNode(d);
            case LocalDate d -> typed("$date", d.toString());
            case ZonedDateTime d -> typed("$datetime", d.toString());
            case LocalDateTime d -> typed("$localdatetime", d.toString());
            case OffsetTime t -> typed("$time", t.toString());
            case LocalTime t -> typed("$localtime", t.toString());
            case IsoDuration d -> {
                ObjectNode parts = JSON.objectNode();
                parts.put("months", d.months()).put("days", d.days()).put("seconds", d.seconds())
                    .put("nanoseconds", d.nanoseconds());
                ObjectNode typed = JSON.objectNode();
                typed.set("$duration", parts);
                yield typed;
            }
            case byte[] bytes -> typed("$bytes", Base64.getEncoder().encodeToString(bytes));
            case List<?> list -> {
                ArrayNode array = JSON.arrayNode();
                list.forEach(element -> array.add(encodeValue(name, element)));
                yield array;
            }
            default -> throw new IllegalArgumentException("property " + name + " has a value of type "
                + value.getClass().getSimpleName() + ", which the export format does not support");
        };
    }

    private static ObjectNode typed(String type, String text) {
        ObjectNode typed = JSON.objectNode();
        typed.put(type, text);
        return typed;
    }

    private static Object decodeValue(String name, JsonNode value) {
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            if (!value.canConvertToLong()) {
                throw new IllegalArgumentException("property " + name + ": integer " + value + " is beyond 64 bits");
            }
            return value.longValue();
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isArray()) {
            List<Object> list = new ArrayList<>();
            for (JsonNode element : value) {
                list.add(decodeValue(name, element));
            }
            return list;
        }
        if (value.isObject() && value.size() == 1) {
            Map.Entry<String, JsonNode> typed = value.properties().iterator().next();
            try {
                return decodeTyped(typed.getKey(), typed.getValue());
            }
            catch (DateTimeParseException | IllegalArgumentException | NullPointerException bad) {
                throw new IllegalArgumentException("property " + name + ": " + typed.getKey() + " value "
                    + typed.getValue() + " is not valid (" + bad.getMessage() + ")", bad);
            }
        }
        throw new IllegalArgumentException("property " + name + ": " + value
            + " is not a value of the export format (string, boolean, number, array or {\"$type\": value})");
    }

    private static Object decodeTyped(String type, JsonNode value) {
        return switch (type) {
            case "$date" -> LocalDate.parse(value.stringValue());
            case "$datetime" -> ZonedDateTime.parse(value.stringValue());
            case "$localdatetime" -> LocalDateTime.parse(value.stringValue());
            case "$time" -> OffsetTime.parse(value.stringValue());
            case "$localtime" -> LocalTime.parse(value.stringValue());
            case "$float" -> Double.valueOf(value.stringValue());
            case "$bytes" -> Base64.getDecoder().decode(value.stringValue());
            case "$duration" -> Values.isoDuration(value.required("months").longValue(),
                value.required("days").longValue(), value.required("seconds").longValue(),
                value.required("nanoseconds").intValue()).asIsoDuration();
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }
}
