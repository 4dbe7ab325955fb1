package dev.timmy.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code house:} section of timmy.yml: Ollama, watched processes, cleanup roots and loops.
 * Owned by the house integration; extend freely (keep {@link #problems} naming keys).
 */
public record HouseConfig(String ollamaUrl, List<String> watchedProcesses, List<String> cleanupRoots) {

  public HouseConfig {
    ollamaUrl = ollamaUrl == null ? "http://127.0.0.1:11434" : ollamaUrl;
    watchedProcesses = watchedProcesses == null ? List.of() : List.copyOf(watchedProcesses);
    cleanupRoots = cleanupRoots == null ? List.of() : List.copyOf(cleanupRoots);
  }

  public static HouseConfig defaults() {
    return new HouseConfig(null, null, null);
  }

  /** Problems with this section, each naming its key under {@code prefix} (e.g. "house."). */
  public List<String> problems(String prefix) {
    List<String> out = new ArrayList<>();
    if (!ollamaUrl.matches("https?://.+")) out.add(prefix + "ollamaUrl: expected an http(s) URL, found " + ollamaUrl);
    return out;
  }
}
