package dev.timmy.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code quota:} section of timmy.yml: where the providers' quotas are read each cycle, a JSON
 * file ({@code file}) or an HTTP endpoint ({@code url}), one of the two. The answer is
 * {@code {provider, remaining, limit, resetsAt}} or a list of them. A bearer token for the endpoint
 * comes from the environment variable named by {@code tokenEnv}, never from this file. Without this
 * section no quota is read and no agent is held back by one.
 *
 * @param timeoutSeconds whole call to the endpoint (default 5)
 */
public record QuotaConfig(String file, String url, String tokenEnv, Integer timeoutSeconds) {
  public QuotaConfig {
    timeoutSeconds = timeoutSeconds == null ? 5 : timeoutSeconds;
  }

  public Duration timeout() {
    return Duration.ofSeconds(timeoutSeconds);
  }

  /** The endpoint's token from the environment; empty without {@code tokenEnv} or when unset. */
  public Optional<String> token(Map<String, String> env) {
    if (tokenEnv == null || tokenEnv.isBlank()) return Optional.empty();
    String v = env.get(tokenEnv);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  /** Problems with this section, each naming its key under {@code prefix} (e.g. "quota."). */
  public List<String> problems(String prefix) {
    List<String> out = new ArrayList<>();
    boolean hasFile = file != null && !file.isBlank();
    boolean hasUrl = url != null && !url.isBlank();
    if (hasFile == hasUrl) {
      out.add(prefix + "file: expected either file (a JSON file) or url (an http(s) endpoint), found "
          + (hasFile ? "both" : "neither"));
    }
    if (hasFile && !file.startsWith("/")) out.add(prefix + "file: expected an absolute path, found " + file);
    if (hasUrl && !url.matches("https?://.+")) out.add(prefix + "url: expected an http(s) URL, found " + url);
    if (tokenEnv != null) Secrets.envName(prefix + "tokenEnv", tokenEnv).ifPresent(out::add);
    if (timeoutSeconds < 1 || timeoutSeconds > 60) out.add(prefix + "timeoutSeconds: expected 1..60, found " + timeoutSeconds);
    return out;
  }
}
