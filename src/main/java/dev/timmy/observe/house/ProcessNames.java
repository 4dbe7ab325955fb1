package dev.timmy.observe.house;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which configured name a process answers to. A process matches by its own name, or by the file
 * name of its first or second argument, because agents often run under an interpreter
 * ({@code node …/claude}, {@code python -m kimi} does not match, {@code python …/kimi} does).
 * Shared by the host probe and the process target so both agree on what "claude" means.
 */
public final class ProcessNames {
  private final Set<String> names;

  public ProcessNames(Collection<String> names) {
    this.names = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }

  public boolean isEmpty() {
    return names.isEmpty();
  }

  /** The configured name this process answers to, if any. */
  public Optional<String> match(String processName, List<String> arguments) {
    String own = baseName(processName);
    if (names.contains(own)) return Optional.of(own);
    for (int i = 0; i < Math.min(2, arguments.size()); i++) {
      String arg = baseName(arguments.get(i));
      if (names.contains(arg)) return Optional.of(arg);
    }
    return Optional.empty();
  }

  static String baseName(String path) {
    if (path == null) return "";
    String p = path.strip();
    int slash = p.lastIndexOf('/');
    return (slash >= 0 ? p.substring(slash + 1) : p).toLowerCase(Locale.ROOT);
  }
}
