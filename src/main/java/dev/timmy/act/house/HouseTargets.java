package dev.timmy.act.house;

import dev.timmy.act.Target;
import dev.timmy.config.HouseConfig;
import dev.timmy.observe.house.HouseSources;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The house's targets, sharing the Ollama client, restart ledger and cleanup roots of its sources. */
public final class HouseTargets {
  private HouseTargets() {}

  public static List<Target> of(HouseConfig config, HouseSources sources, Clock clock) {
    HouseConfig.Timeouts t = config.timeouts();
    return List.of(
        new OllamaTarget(sources.ollama(), config.keepAlive()),
        new LoopTarget(config.loops(), Duration.ofSeconds(t.restartSeconds()), sources.ledger(), clock),
        new FileTarget(sources.cleanupRoots(), sources.openFiles(), clock),
        new ProcessTarget(config.stoppableProcesses(), Duration.ofSeconds(t.stopGraceSeconds())));
  }
}
