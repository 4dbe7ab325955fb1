package dev.timmy.config;

/** The {@code service:} section: where the API listens and how the loop runs. */
public record ServiceConfig(
    int port, String bind, int cycleSeconds, boolean live, String rulesDir, String fixturesDir) {

  public static ServiceConfig defaults() {
    return new ServiceConfig(8377, "127.0.0.1", 60, false, "rules", "fixtures/demo");
  }
}
