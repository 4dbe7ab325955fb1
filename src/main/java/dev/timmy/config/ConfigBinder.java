package dev.timmy.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Binds a YAML tree to the config records field by field, so that every wrong type and every
 * unknown key is reported (Jackson's own binding stops at the first). Record components are the
 * schema; a missing key takes its value from the record's template (its {@code defaults()}), or
 * null when there is none, which validation then reports where it matters. A value that cannot
 * be bound is replaced by its default and its path remembered, so validation still runs on the
 * rest and stays silent about the replaced values.
 */
final class ConfigBinder {
  private final Map<Class<?>, Object> templates;
  private final List<String> problems = new ArrayList<>();
  private final List<String> failed = new ArrayList<>();

  ConfigBinder(Map<Class<?>, Object> templates) {
    this.templates = Map.copyOf(templates);
  }

  /** The bound value, or null when the root itself could not be built. */
  <T> T bind(JsonNode root, Class<T> type) {
    return type.cast(value(root, type, ""));
  }

  List<String> problems() {
    return problems;
  }

  /** True when {@code key} is a path (or under a path) whose value was replaced by its default. */
  boolean replaced(String key) {
    return failed.stream().anyMatch(f -> key.equals(f) || key.startsWith(f + ".") || key.startsWith(f + "["));
  }

  private Object value(JsonNode node, Type type, String path) {
    if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
      return list(node, p.getActualTypeArguments()[0], path);
    }
    Class<?> c = (Class<?>) type;
    if (c.isRecord()) return record(node, c, path);
    if (c == String.class) {
      return node.isValueNode() ? node.asText() : fail(path, "expected text, found " + describe(node), "");
    }
    if (c == int.class || c == Integer.class) {
      return node.isIntegralNumber() && node.canConvertToInt() ? (Object) node.intValue()
          : fail(path, "expected a whole number, found " + describe(node), 0);
    }
    if (c == long.class || c == Long.class) {
      return node.isIntegralNumber() && node.canConvertToLong() ? (Object) node.longValue()
          : fail(path, "expected a whole number, found " + describe(node), 0L);
    }
    if (c == double.class || c == Double.class) {
      return node.isNumber() ? (Object) node.doubleValue() : fail(path, "expected a number, found " + describe(node), 0.0);
    }
    if (c == boolean.class || c == Boolean.class) {
      return node.isBoolean() ? (Object) node.booleanValue() : fail(path, "expected true or false, found " + describe(node), false);
    }
    if (c.isEnum()) return constant(node, c, path);
    throw new IllegalStateException("config binder cannot bind " + c.getName() + " at " + path);
  }

  private Object record(JsonNode node, Class<?> type, String path) {
    if (!node.isObject()) {
      fail(path, "expected a mapping (key: value), found " + describe(node), null);
      node = JsonNodeFactory.instance.objectNode();
    }
    RecordComponent[] parts = type.getRecordComponents();
    List<String> known = Arrays.stream(parts).map(RecordComponent::getName).toList();
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) problems.add(join(path, name) + ": " + unknownKey(name, known));
    }
    Object[] args = new Object[parts.length];
    for (int i = 0; i < parts.length; i++) {
      JsonNode child = node.get(parts[i].getName());
      String at = join(path, parts[i].getName());
      args[i] = child == null || child.isNull() ? null : value(child, parts[i].getGenericType(), at);
      // A wrong value at this very key falls back to the default; nested failures already did.
      if (child == null || child.isNull() || failed.contains(at)) args[i] = missing(type, parts[i]);
    }
    return construct(type, parts, args, path);
  }

  private Object list(JsonNode node, Type element, String path) {
    if (!node.isArray()) return fail(path, "expected a list, found " + describe(node), List.of());
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String at = path + "[" + i + "]";
      Object v = node.get(i).isNull() ? fail(at, "expected a value, found nothing", null) : value(node.get(i), element, at);
      if (v != null) out.add(v);
    }
    return out;
  }

  private Object constant(JsonNode node, Class<?> type, String path) {
    Object[] all = type.getEnumConstants();
    for (Object e : all) {
      if (node.isTextual() && ((Enum<?>) e).name().equalsIgnoreCase(node.asText().trim())) return e;
    }
    String names = Arrays.stream(all).map(e -> ((Enum<?>) e).name()).collect(Collectors.joining(", "));
    return fail(path, "expected one of " + names + ", found " + describe(node), null);
  }

  private Object missing(Class<?> type, RecordComponent part) {
    Object template = templates.get(type);
    try {
      if (template != null) return part.getAccessor().invoke(template);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("template of " + type.getSimpleName() + " unreadable", e);
    }
    Class<?> c = part.getType();
    if (c == int.class) return 0;
    if (c == long.class) return 0L;
    if (c == double.class) return 0.0;
    if (c == boolean.class) return false;
    return null;
  }

  private Object construct(Class<?> type, RecordComponent[] parts, Object[] args, String path) {
    try {
      Constructor<?> canonical = type.getDeclaredConstructor(
          Arrays.stream(parts).map(RecordComponent::getType).toArray(Class<?>[]::new));
      return canonical.newInstance(args);
    } catch (InvocationTargetException e) {
      return fail(path, "cannot be used: " + e.getCause().getMessage(), null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("config record " + type.getName() + " cannot be built", e);
    }
  }

  /** Records the problem and returns {@code fallback} in place of the value. */
  private Object fail(String path, String message, Object fallback) {
    problems.add(path.isEmpty() ? message : path + ": " + message);
    failed.add(path);
    return fallback;
  }
  private static String unknownKey(String name, List<String> known) {
    String near = known.stream().filter(k -> distance(k.toLowerCase(), name.toLowerCase()) <= 2).findFirst()
        .map(k -> " (did you mean " + k + "?)").orElse("");
    return "unknown key" + near + "; expected one of " + String.join(", ", known);
  }

  /** Levenshtein distance, to suggest the key a typo meant. */
  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      int[] cur = new int[b.length() + 1];
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      prev = cur;
    }
    return prev[b.length()];
  }

  private static String describe(JsonNode node) {
    if (node.isTextual()) return "\"" + node.asText() + "\"";
    if (node.isObject()) return "a mapping";
    if (node.isArray()) return "a list";
    return node.asText();
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
