package dev.timmy.service;

import dev.timmy.config.Secrets;
import dev.timmy.config.TimmyConfig;
import dev.timmy.observe.Backlog;
import dev.timmy.gitea.GiteaClient;
import dev.timmy.observe.gitea.GiteaSource;
import dev.timmy.observe.gitea.SnapshotRecorder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * The {@code snapshot} command: one full Gitea sync of the configured repositories, written in
 * the demo house's layout so it replays offline ({@code evaluate --fixtures DIR}). A partial read
 * writes nothing: a recording with holes would replay as a different backlog.
 */
public final class SnapshotCommand {
  private final PrintStream out;
  private final Map<String, String> env;
  private final InstantSource clock;

  public SnapshotCommand(PrintStream out, Map<String, String> env, InstantSource clock) {
    this.out = out;
    this.env = Map.copyOf(env);
    this.clock = clock;
  }

  /** Records into {@code dir}; returns what was read. */
  public Backlog record(Path configFile, Path dir) throws ServiceException, IOException {
    TimmyConfig config = Serve.load(configFile);
    if (config.demoMode()) {
      throw new ServiceException(List.of("snapshot: expected a config with a gitea: section (the repositories to record),"
          + " found " + (configFile == null ? "no --config" : "none in " + configFile)));
    }
    OkHttpClient http = new OkHttpClient();
    try {
      Secrets secrets = Secrets.fromEnvironment(env, config);
      GiteaClient client = new GiteaClient(config.gitea(), secrets.giteaToken(), http, GiteaClient.Sleeper.THREAD);
      Backlog backlog = new GiteaSource(client).read();
      if (!backlog.complete()) {
        List<String> problems = new ArrayList<>(List.of("snapshot: Gitea could not be read in full, nothing written:"));
        backlog.gaps().forEach(g -> problems.add("  " + g));
        throw new ServiceException(problems);
      }
      new SnapshotRecorder(config.gitea().baseUrl()).write(dir, clock.instant().truncatedTo(ChronoUnit.SECONDS),
          config.owner().toOwner(), client.self(), config.gitea().repos(), config.agents(), backlog);
      out.printf("Recorded %d issues, %d pull requests and %d comments of %s into %s%n", backlog.issues().size(),
          backlog.pulls().size(), backlog.comments().size(), String.join(", ", config.gitea().repos()), dir);
      return backlog;
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }
}
