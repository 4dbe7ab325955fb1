package dev.timmy.mcp;

import dev.timmy.api.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One tool parameter: its JSON schema (what {@code tools/list} shows) and its strict parsing (what
 * a call gets), from the same numbers, so the two cannot drift. Arguments are hostile: a wrong
 * type, a value out of range, text too long or holding control characters is an
 * {@code invalid_parameter} that names the parameter and shows a short, escaped excerpt.
 */
record Param(String name, Kind kind, boolean required, String description, int min, int max, Integer fallback) {
  enum Kind { TEXT, INTEGER, FILES }

  /** Longest DRL text one simulate file may carry. */
  static final int MAX_FILE_CHARS = 1_000_000;
  private static final int MAX_FILES = 20;
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\u2028\\u2029]");

  static Param text(String name, boolean required, int maxLength, String description) {
    return new Param(name, Kind.TEXT, required, description, 1, maxLength, null);
  }

  static Param integer(String name, int fallback, int min, int max, String description) {
    return new Param(name, Kind.INTEGER, false, description, min, max, fallback);
  }

  static Param files(String description) {
    return new Param("files", Kind.FILES, false, description, 1, MAX_FILES, null);
  }

  /** This parameter's JSON schema. */
  Map<String, Object> schema() {
    Map<String, Object> s = new LinkedHashMap<>();
    switch (kind) {
      case TEXT -> {
        s.put("type", "string");
        s.put("minLength", min);
        s.put("maxLength", max);
      }
      case INTEGER -> {
        s.put("type", "integer");
        s.put("minimum", min);
        s.put("maximum", max);
        s.put("default", fallback);
      }
      case FILES -> {
        s.put("type", "object");
        s.put("minProperties", min);
        s.put("maxProperties", max);
        s.put("propertyNames", Map.of("pattern", "^[A-Za-z0-9_-][A-Za-z0-9_.-]*\\.drl$"));
        s.put("additionalProperties", Map.of("type", "string", "maxLength", MAX_FILE_CHARS));
      }
    }
    s.put("description", description);
    return s;
  }

  /** The argument as its Java value (String, Integer or Map of file texts); null when absent and optional. */
  Object parse(Object value) {
    if (value == null) {
      if (required) throw invalid("a value (" + description + ")", "nothing");
      return fallback;
    }
    return switch (kind) {
      case TEXT -> text(value);
      case INTEGER -> integer(value);
      case FILES -> files(value);
    };
  }

  private String text(Object value) {
    if (!(value instanceof String s)) throw invalid("a string", typeOf(value));
    String v = s.strip();
    if (v.isEmpty()) throw invalid("a non-blank string", "a blank one");
    if (v.length() > max) throw invalid("at most " + max + " characters", v.length() + " characters");
    if (CONTROL.matcher(v).find()) throw invalid("text without control characters", excerpt(v));
    return v;
  }

  private Integer integer(Object value) {
    if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw invalid("a whole number " + min + ".." + max, value instanceof String ? excerpt((String) value) : typeOf(value));
    }
    if (n.doubleValue() < min || n.doubleValue() > max) throw invalid("a whole number " + min + ".." + max, n.toString());
    return n.intValue();
  }

  private Map<String, String> files(Object value) {
    if (!(value instanceof Map<?, ?> m)) throw invalid("an object of NAME.drl: DRL text", typeOf(value));
    if (m.size() < min || m.size() > max) throw invalid(min + ".." + max + " files", m.size() + " files");
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      String file = String.valueOf(e.getKey());
      if (!(e.getValue() instanceof String drl)) throw invalid("DRL text for " + excerpt(file), typeOf(e.getValue()));
      if (drl.length() > MAX_FILE_CHARS) throw invalid("at most " + MAX_FILE_CHARS + " characters per file", drl.length() + "");
      out.put(file, drl); // the file name is checked where the API checks it (Simulation)
    }
    return out;
  }

  private ApiException invalid(String expected, String found) {
    return ApiException.invalidParameter(name, expected, found);
  }

  private static String typeOf(Object v) {
    if (v instanceof Map) return "an object";
    if (v instanceof Iterable) return "an array";
    if (v instanceof Boolean) return "a boolean";
    if (v instanceof Number n) return "the number " + n;
    return "a " + v.getClass().getSimpleName();
  }

  /** At most 60 characters of {@code v}, control characters shown as {@code \\uXXXX}. */
  static String excerpt(String v) {
    String cut = v.length() > 60 ? v.substring(0, 60) + "…" : v;
    StringBuilder b = new StringBuilder("\"");
    cut.codePoints().forEach(c -> {
      if (Character.getType(c) == Character.CONTROL || c == 0x2028 || c == 0x2029) b.append(String.format("\\u%04x", c));
      else b.appendCodePoint(c);
    });
    return b.append('"').toString();
  }
}
