package dev.timmy.host;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which configured name a process answers to: the name of its executable, as the OS reports it
 * (OSHI's process name, or the file name of its executable path), in any case. Arguments never
 * count: {@code tail -f ~/logs/claude} is {@code tail}, not {@code claude}, and an agent run by an
 * interpreter is watched under the interpreter's own name or the title it sets for itself. Shared
 * by the host probe and the process target so both agree on what "claude" means.
 */
public final class ProcessNames {
  private final Set<String> names;

  public ProcessNames(Collection<String> names) {
    this.names = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }

  public boolean isEmpty() {
    return names.isEmpty();
  }

  /** The configured name this process answers to, by its name or its executable's path; never its arguments. */
  public Optional<String> match(String processName, String executablePath) {
    for (String candidate : new String[] {baseName(processName), baseName(executablePath)}) {
      if (!candidate.isEmpty() && names.contains(candidate)) return Optional.of(candidate);
    }
    return Optional.empty();
  }

  /** The configured name {@code name} is, if it is one. */
  public Optional<String> match(String name) {
    return match(name, null);
  }

  static String baseName(String path) {
    if (path == null) return "";
    String p = path.strip();
    int slash = p.lastIndexOf('/');
    return (slash >= 0 ? p.substring(slash + 1) : p).toLowerCase(Locale.ROOT);
  }
}
