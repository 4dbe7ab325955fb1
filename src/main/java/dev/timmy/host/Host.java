package dev.timmy.host;

import dev.timmy.config.HouseConfig;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * The adapter to the machine Timmy runs on, shared by observing (the house's reads) and acting
 * (the house's targets): the OSHI probe, the Ollama client, the ledger of loop restarts, the
 * configured cleanup roots and the open-file check. One per configured house.
 */
public record Host(HostProbe probe, OllamaClient ollama, RestartLedger ledger, CleanupRoots cleanupRoots,
    OpenFiles openFiles) {

  /**
   * The usual wiring. {@code http} is Timmy's one shared OkHttp client; Ollama's calls get the
   * house's own timeout.
   */
  public static Host of(HouseConfig config, OkHttpClient http) {
    HouseConfig.Timeouts t = config.timeouts();
    OkHttpClient ollamaHttp = http.newBuilder().callTimeout(Duration.ofSeconds(t.ollamaSeconds())).build();
    return new Host(new HostProbe(config.processNames(), config.disks()),
        new OllamaClient(ollamaHttp, config.ollamaUrl(), config.fastModel(), config.complexModel(),
            Duration.ofSeconds(t.loadSeconds())),
        new RestartLedger(Duration.ofMinutes(config.restartWindowMinutes())), new CleanupRoots(config.cleanup()),
        OpenFiles.forThisOs());
  }
}
