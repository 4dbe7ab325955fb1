package dev.timmy.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line words: positionals, {@code --name value} options and {@code --flag}s. Unknown
 * options are an error, so a typo never silently changes what Timmy does.
 */
public final class Args {
  private final List<String> positionals = new ArrayList<>();
  private final Map<String, String> options = new HashMap<>();

  private Args() {}

  /** Parses {@code words}; {@code valued} take a value, {@code flags} do not. */
  public static Args parse(List<String> words, Set<String> valued, Set<String> flags) {
    Args a = new Args();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (!w.startsWith("--")) {
        a.positionals.add(w);
        continue;
      }
      String name = w.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (flags.contains(name) && value == null) {
        a.options.put(name, "true");
      } else if (valued.contains(name)) {
        if (value == null) {
          if (i + 1 >= words.size()) throw new UsageException("--" + name + " needs a value");
          value = words.get(++i);
        }
        a.options.put(name, value);
      } else {
        throw new UsageException("unknown option --" + name);
      }
    }
    return a;
  }

  public List<String> positionals() {
    return positionals;
  }

  public String get(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }

  public boolean has(String name) {
    return options.containsKey(name);
  }

  public int getInt(String name, int fallback) {
    String v = options.get(name);
    if (v == null) return fallback;
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + ": expected a whole number, found " + v);
    }
  }

  /** A command line that cannot be understood: exit code 2. */
  public static final class UsageException extends RuntimeException {
    public UsageException(String message) {
      super(message);
    }
  }
}
