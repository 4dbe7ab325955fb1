package dev.timmy.config;

/**
 * The {@code service:} section: where the API listens and how the loop runs. {@code live: true}
 * acts as {@code --live} does (the start-up notes say which switch made Timmy live). Listening on
 * anything but a loopback address needs {@code allowRemote: true} and is announced loudly.
 * {@code evaluationSeconds} is the deadline of one evaluation of the rules.
 */
public record ServiceConfig(
    int port, String bind, int cycleSeconds, boolean live, String rulesDir, String fixturesDir, boolean allowRemote,
    int evaluationSeconds) {

  /** A service listening where {@code bind} says, loopback or refused, with the default deadline. */
  public ServiceConfig(int port, String bind, int cycleSeconds, boolean live, String rulesDir, String fixturesDir) {
    this(port, bind, cycleSeconds, live, rulesDir, fixturesDir, false, 5);
  }

  public static ServiceConfig defaults() {
    return new ServiceConfig(8377, "127.0.0.1", 60, false, "rules", "fixtures/demo", false, 5);
  }

  /** The same settings reading the rules and the demo house from these directories. */
  public ServiceConfig withDirs(String rules, String fixtures) {
    return new ServiceConfig(port, bind, cycleSeconds, live, rules, fixtures, allowRemote, evaluationSeconds);
  }

  /** The same settings, live. */
  public ServiceConfig asLive() {
    return new ServiceConfig(port, bind, cycleSeconds, true, rulesDir, fixturesDir, allowRemote, evaluationSeconds);
  }

  /** True when {@code bind} is a loopback address (127.0.0.0/8, ::1 or localhost). */
  public boolean loopback() {
    String b = bind == null ? "" : bind.strip().toLowerCase(java.util.Locale.ROOT);
    return b.equals("localhost") || b.equals("::1") || b.equals("[::1]") || b.matches("127(\\.\\d{1,3}){3}");
  }
}
