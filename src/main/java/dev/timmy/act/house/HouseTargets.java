package dev.timmy.act.house;

import dev.timmy.act.Target;
import dev.timmy.config.HouseConfig;
import dev.timmy.host.Host;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The house's targets, sharing the Ollama client, restart ledger and cleanup roots of its host. */
public final class HouseTargets {
  private HouseTargets() {}

  public static List<Target> of(HouseConfig config, Host host, Clock clock) {
    HouseConfig.Timeouts t = config.timeouts();
    return List.of(
        new OllamaTarget(host.ollama(), config.keepAlive()),
        new LoopTarget(config.loops(), Duration.ofSeconds(t.restartSeconds()), host.ledger(), clock),
        new FileTarget(host.cleanupRoots(), host.openFiles(), clock),
        new ProcessTarget(config.stoppableProcesses(), Duration.ofSeconds(t.stopGraceSeconds())));
  }
}
