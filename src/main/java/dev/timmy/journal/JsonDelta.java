package dev.timmy.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object written as what changed since a previous one: each field that differs, an array
 * field as runs of the previous array's elements ({@code [from, length]}) and new elements
 * ({@code {"v": element}}); {@code {"set": value}} for another field, {@code {"drop": true}} for
 * one that went. A backlog of 10,000 issues with one edited is three runs. Generic over the shape:
 * nothing here knows what a snapshot holds.
 */
final class JsonDelta {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonDelta() {}

  /** A previous object as kept for the next delta: plain fields as trees, array fields as their elements' JSON. */
  record Base(Map<String, JsonNode> values, Map<String, List<String>> arrays) {}

  static Base base(ObjectNode tree) {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    Map<String, List<String>> arrays = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      if (f.getValue().isArray()) {
        List<String> elements = new ArrayList<>(f.getValue().size());
        for (JsonNode e : f.getValue()) elements.add(e.toString());
        arrays.put(f.getKey(), elements);
      } else {
        values.put(f.getKey(), f.getValue());
      }
    }
    return new Base(values, arrays);
  }

  /** What turns {@code before} into {@code after}; empty when they are equal. */
  static ObjectNode between(Base before, Base after) {
    ObjectNode delta = NODES.objectNode();
    after.values().forEach((name, v) -> {
      if (!v.equals(before.values().get(name))) delta.set(name, NODES.objectNode().set("set", v));
    });
    after.arrays().forEach((name, elements) -> {
      List<String> old = before.arrays().get(name);
      if (old == null) delta.set(name, NODES.objectNode().set("set", array(elements)));
      else if (!old.equals(elements)) delta.set(name, NODES.objectNode().set("runs", runs(old, elements)));
    });
    for (String name : before.values().keySet()) if (!after.values().containsKey(name) && !after.arrays().containsKey(name)) drop(delta, name);
    for (String name : before.arrays().keySet()) if (!after.values().containsKey(name) && !after.arrays().containsKey(name)) drop(delta, name);
    return delta;
  }

  /** {@code before} with {@code delta} applied (shares the unchanged subtrees of {@code before}). */
  static ObjectNode apply(ObjectNode before, JsonNode delta) {
    ObjectNode after = NODES.objectNode();
    after.setAll(before);
    for (Iterator<Map.Entry<String, JsonNode>> it = delta.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      JsonNode change = f.getValue();
      if (change.has("set")) after.set(f.getKey(), change.get("set"));
      else if (change.has("drop")) after.remove(f.getKey());
      else if (change.has("runs")) after.set(f.getKey(), replay(before.path(f.getKey()), change.get("runs"), f.getKey()));
      else throw new JournalException("journal: snapshot delta of field " + f.getKey() + " is neither set, drop nor runs");
    }
    return after;
  }

  private static ArrayNode runs(List<String> old, List<String> elements) {
    Map<String, Integer> firstAt = new HashMap<>(old.size() * 2);
    for (int i = old.size() - 1; i >= 0; i--) firstAt.put(old.get(i), i);
    ArrayNode ops = NODES.arrayNode();
    int from = -1;
    int length = 0;
    for (String e : elements) {
      if (length > 0 && from + length < old.size() && old.get(from + length).equals(e)) {
        length++;
        continue;
      }
      if (length > 0) ops.add(NODES.arrayNode().add(from).add(length));
      Integer at = firstAt.get(e);
      if (at == null) {
        length = 0;
        ops.add(NODES.objectNode().set("v", parse(e)));
      } else {
        from = at;
        length = 1;
      }
    }
    if (length > 0) ops.add(NODES.arrayNode().add(from).add(length));
    return ops;
  }

  private static ArrayNode replay(JsonNode old, JsonNode runs, String field) {
    ArrayNode out = NODES.arrayNode();
    for (JsonNode op : runs) {
      if (op.isArray()) {
        int from = op.path(0).asInt(-1);
        int length = op.path(1).asInt(-1);
        if (from < 0 || length < 0 || from + length > old.size()) {
          throw new JournalException("journal: snapshot delta of " + field + " copies [" + from + ", +" + length
              + ") from an array of " + old.size());
        }
        for (int i = from; i < from + length; i++) out.add(old.get(i));
      } else {
        out.add(op.get("v"));
      }
    }
    return out;
  }

  private static ArrayNode array(List<String> elements) {
    ArrayNode a = NODES.arrayNode();
    for (String e : elements) a.add(parse(e));
    return a;
  }

  private static JsonNode parse(String json) {
    try {
      return dev.timmy.Json.mapper().readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("an element written by Jackson does not parse: " + e.getOriginalMessage(), e);
    }
  }

  private static void drop(ObjectNode delta, String name) {
    delta.set(name, NODES.objectNode().put("drop", true));
  }
}
