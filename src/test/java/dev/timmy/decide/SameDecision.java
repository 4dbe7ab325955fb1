package dev.timmy.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timmy.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Two decisions of one snapshot compared whole, as JSON, firings aside (those count a cycle's
 * work): a failure lists the first paths where they differ, with both values.
 */
public final class SameDecision {
  private SameDecision() {}

  /** {@code live} decides as {@code fresh} does; {@code when} says which cycle, for the failure. */
  public static void assertSame(Decision fresh, Decision live, String when) {
    JsonNode a = tree(fresh);
    JsonNode b = tree(live);
    assertTrue(a.get("priorities").size() > 0, "a decision with a backlog");
    List<String> differences = new ArrayList<>();
    differ("", a, b, differences);
    assertEquals(List.of(), differences, when + ": the live session's decision differs from a fresh evaluation's");
    assertEquals(a, b);
  }

  /** The first few paths where {@code a} and {@code b} differ, with both values, to read a failure. */
  private static void differ(String path, JsonNode a, JsonNode b, List<String> out) {
    if (out.size() >= 5 || a.equals(b)) return;
    if (a.isObject() && b.isObject()) {
      Set<String> names = new TreeSet<>();
      a.fieldNames().forEachRemaining(names::add);
      b.fieldNames().forEachRemaining(names::add);
      for (String n : names) differ(path + "." + n, a.path(n), b.path(n), out);
    } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) differ(path + "[" + i + "]", a.get(i), b.get(i), out);
    } else {
      out.add(path + ": fresh " + abbreviated(a) + " | live " + abbreviated(b));
    }
  }

  private static String abbreviated(JsonNode n) {
    String s = n.toString();
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  private static JsonNode tree(Decision d) {
    ObjectNode n = Json.mapper().valueToTree(d);
    n.remove("firings");
    return n;
  }
}
