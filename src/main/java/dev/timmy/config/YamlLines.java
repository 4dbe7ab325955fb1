package dev.timmy.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import dev.timmy.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each key of a YAML document is written. The tree Jackson builds forgets lines, so one
 * streaming pass records them under the same dotted paths the validation uses
 * ({@code service.port}, {@code agents[1].kind}), and notices keys written twice, which the tree
 * would silently resolve to the last one.
 */
final class YamlLines {
  private final Map<String, Integer> lines = new HashMap<>();
  private final List<String> duplicates = new ArrayList<>();

  private YamlLines() {}

  static YamlLines of(String yaml) throws IOException {
    YamlLines out = new YamlLines();
    try (JsonParser p = Json.yaml().createParser(yaml)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        int line = p.currentTokenLocation().getLineNr();
        if (t == JsonToken.FIELD_NAME) {
          String path = pathOf(p.getParsingContext());
          if (out.lines.putIfAbsent(path, line) != null) out.duplicates.add(path);
        } else if (t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY) {
          JsonStreamContext holder = t.isStructStart() ? p.getParsingContext().getParent() : p.getParsingContext();
          if (holder != null && holder.inArray()) out.lines.putIfAbsent(pathOf(holder), line);
        }
      }
    }
    return out;
  }

  /** The line of {@code path}, or of its nearest written parent; 0 when none is written. */
  int lineOf(String path) {
    for (String p = path; !p.isEmpty(); p = parent(p)) {
      Integer line = lines.get(p);
      if (line != null) return line;
    }
    return 0;
  }

  /** True when {@code path} itself is written in the document (not just a parent of it). */
  boolean has(String path) {
    return lines.containsKey(path);
  }

  List<String> duplicates() {
    return duplicates;
  }

  static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut < 0 ? "" : path.substring(0, cut);
  }

  private static String pathOf(JsonStreamContext ctx) {
    if (ctx == null || ctx.inRoot()) return "";
    String parent = pathOf(ctx.getParent());
    if (ctx.inArray()) return parent + "[" + ctx.getCurrentIndex() + "]";
    String name = ctx.getCurrentName();
    if (name == null) return parent;
    return parent.isEmpty() ? name : parent + "." + name;
  }
}
