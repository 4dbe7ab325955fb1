package dev.timmy.config;

/**
 * The {@code service:} section: where the API listens and how the loop runs;
 * {@code evaluationSeconds} is the deadline of one evaluation of the rules.
 */
public record ServiceConfig(
    int port, String bind, int cycleSeconds, boolean live, String rulesDir, String fixturesDir, int evaluationSeconds) {

  public ServiceConfig(int port, String bind, int cycleSeconds, boolean live, String rulesDir, String fixturesDir) {
    this(port, bind, cycleSeconds, live, rulesDir, fixturesDir, 5);
  }

  public static ServiceConfig defaults() {
    return new ServiceConfig(8377, "127.0.0.1", 60, false, "rules", "fixtures/demo", 5);
  }
}
