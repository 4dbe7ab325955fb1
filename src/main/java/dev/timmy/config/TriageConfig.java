package dev.timmy.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code triage:} section of timmy.yml: whether Timmy asks the local models (the house's
 * Ollama, fast and complex) what unlabelled issues are, and how much it may ask. Off by default.
 * The rules choose the model and stop at {@code callsPerHour}; Java carries out at most
 * {@code callsPerCycle} requests a cycle, each within {@code timeoutSeconds}; a failed ask of an
 * issue version waits {@code backoffMinutes}, doubling with each failure in a row (at most a day).
 * {@code maxBodyChars} cuts long bodies before they reach the model.
 */
public record TriageConfig(
    boolean enabled, int callsPerCycle, int callsPerHour, int timeoutSeconds, int backoffMinutes, int maxBodyChars) {

  public static TriageConfig defaults() {
    return new TriageConfig(false, 2, 30, 120, 30, 6000);
  }

  public Duration timeout() {
    return Duration.ofSeconds(timeoutSeconds);
  }

  /** Problems with this section, each naming its key under {@code prefix} (e.g. "triage."). */
  public List<String> problems(String prefix, boolean houseConfigured) {
    List<String> out = new ArrayList<>();
    if (enabled && !houseConfigured) {
      out.add(prefix + "enabled: expected a house: section (Ollama's URL and its fast and complex models), found none");
    }
    range(out, prefix + "callsPerCycle", callsPerCycle, 1, 100);
    range(out, prefix + "callsPerHour", callsPerHour, 1, 10_000);
    range(out, prefix + "timeoutSeconds", timeoutSeconds, 1, 3_600);
    range(out, prefix + "backoffMinutes", backoffMinutes, 1, 1_440);
    range(out, prefix + "maxBodyChars", maxBodyChars, 100, 100_000);
    return out;
  }

  private static void range(List<String> out, String key, int value, int min, int max) {
    if (value < min || value > max) out.add(key + ": expected " + min + ".." + max + ", found " + value);
  }
}
