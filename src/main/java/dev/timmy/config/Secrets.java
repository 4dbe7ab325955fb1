package dev.timmy.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The secrets, read only from the environment: never from timmy.yml, never logged, journaled or
 * served. {@link #toString()} says which are set and nothing more. A blank variable counts as
 * unset.
 */
public record Secrets(String adminToken, String webhookSecret, String giteaToken) {
  public static final String ADMIN_TOKEN_ENV = "TIMMY_ADMIN_TOKEN";
  public static final String WEBHOOK_SECRET_ENV = "TIMMY_WEBHOOK_SECRET";

  public Secrets {
    adminToken = blankToNull(adminToken);
    webhookSecret = blankToNull(webhookSecret);
    giteaToken = blankToNull(giteaToken);
  }

  /**
   * Reads the variables; the names of the Gitea token's and the webhook secret's come from
   * {@code gitea.tokenEnv} and {@code gitea.webhookSecretEnv} when there is a gitea section.
   */
  public static Secrets fromEnvironment(Map<String, String> env, TimmyConfig config) {
    String giteaEnv = config.gitea() == null ? null : config.gitea().tokenEnv();
    String hookEnv = config.gitea() == null ? WEBHOOK_SECRET_ENV : config.gitea().webhookSecretEnv();
    return new Secrets(env.get(ADMIN_TOKEN_ENV), env.get(hookEnv), giteaEnv == null ? null : env.get(giteaEnv));
  }

  public static Secrets none() {
    return new Secrets(null, null, null);
  }

  /** What is missing for this configuration to run, naming the variable to set. */
  public List<String> problems(TimmyConfig config) {
    List<String> out = new ArrayList<>();
    if (config.gitea() != null && config.service().live() && giteaToken == null) {
      out.add("environment " + config.gitea().tokenEnv() + ": expected the Gitea token (named by gitea.tokenEnv)"
          + " for live mode, found nothing");
    }
    return out;
  }

  /**
   * A problem when {@code value} of {@code key} is no environment variable NAME ({@code [A-Z_][A-Z0-9_]*}).
   * The value is never repeated: what was pasted there may be the secret itself.
   */
  static Optional<String> envName(String key, String value) {
    if (value != null && value.matches("[A-Z_][A-Z0-9_]*")) return Optional.empty();
    return Optional.of(key + ": expected the NAME of an environment variable (capitals, digits, _; e.g. TIMMY_GITEA_TOKEN),"
        + " found " + (value == null || value.isBlank() ? "nothing" : "something else (" + value.length()
        + " characters, not shown: it may be the secret itself)"));
  }

  /**
   * The start-up notes about the secrets: each variable this configuration reads, by name, with the
   * key that named it and whether it is set; never a value.
   */
  public List<String> notes(TimmyConfig config) {
    List<String> out = new ArrayList<>();
    out.add(note(ADMIN_TOKEN_ENV, "", adminToken, "POST routes answer 401 until Timmy is started with it"));
    String hook = config.gitea() == null ? WEBHOOK_SECRET_ENV : config.gitea().webhookSecretEnv();
    out.add(note(hook, config.gitea() == null ? "" : "gitea.webhookSecretEnv", webhookSecret,
        "Gitea webhook deliveries are refused"));
    if (config.gitea() != null) {
      out.add(note(config.gitea().tokenEnv(), "gitea.tokenEnv", giteaToken, "--live refuses to start"));
    }
    if (config.quota() != null && config.quota().tokenEnv() != null) {
      out.add(config.quota().tokenEnv() + " is read for the quota endpoint (named by quota.tokenEnv)");
    }
    return out;
  }

  private static String note(String name, String key, String value, String unsetMeans) {
    return name + " is " + (value == null ? "unset: " + unsetMeans : "set") + (key.isEmpty() ? "" : " (named by " + key + ")");
  }

  public boolean hasAdminToken() {
    return adminToken != null;
  }

  /** Constant-time comparison, so response timing does not leak the token. */
  public boolean adminTokenMatches(String presented) {
    return adminToken != null && presented != null && MessageDigest.isEqual(
        adminToken.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Secrets[adminToken=" + state(adminToken) + ", webhookSecret=" + state(webhookSecret)
        + ", giteaToken=" + state(giteaToken) + "]";
  }

  private static String state(String value) {
    return value == null ? "unset" : "set";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
