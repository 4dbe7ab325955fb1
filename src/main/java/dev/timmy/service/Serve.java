package dev.timmy.service;

import dev.timmy.config.Bundled;
import dev.timmy.config.ConfigException;
import dev.timmy.config.ConfigProblem;
import dev.timmy.config.Secrets;
import dev.timmy.config.TimmyConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code serve} command: config (or the embedded demo) and secrets from the environment, the
 * assembled service started, where it listens printed, then waiting until a signal (SIGTERM,
 * Ctrl-C) runs the shutdown hook, which stops it cleanly.
 */
public final class Serve {
  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> env;

  public Serve(PrintStream out, PrintStream err, Map<String, String> env) {
    this.out = out;
    this.err = err;
    this.env = Map.copyOf(env);
  }

  /** Serves until stopped; returns the exit code (1 when Timmy refuses to start). */
  public int run(Path configFile, ServeOptions options) {
    Service service;
    try {
      service = start(configFile, options);
    } catch (ServiceException e) {
      err.println("timmy: cannot serve:");
      e.problems().forEach(p -> err.println("  " + p));
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      out.println("Timmy: stopping (waiting for a running cycle)");
      service.close();
    }, "timmy-shutdown"));
    try {
      service.awaitClosed();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      service.close();
    }
    return 0;
  }

  /** Assembles and starts the service and says where it listens; the caller closes it. */
  public Service start(Path configFile, ServeOptions options) throws ServiceException {
    TimmyConfig config = load(configFile);
    Bundled.Located rules = Bundled.rules(config.service().rulesDir());
    Bundled.Located demo = config.demoMode() ? Bundled.fixtures(config.service().fixturesDir())
        : new Bundled.Located(Path.of(config.service().fixturesDir()), false);
    config = config.withService(config.service().withDirs(rules.path().toString(), demo.path().toString()));
    Secrets secrets = Secrets.fromEnvironment(env, config);
    Service service = Service.assemble(config, secrets, options).start();
    out.printf("Timmy listening on %s (%s, %s house, rules %s from %s)%n", service.url(),
        service.mode().name().toLowerCase().replace('_', '-'), service.source(), service.rules().revision(),
        service.rules().dir());
    if (rules.bundled()) out.println("  " + rules.note("rules/"));
    if (demo.bundled()) out.println("  " + demo.note("fixtures/demo/ (demo house)"));
    secrets.notes(config).forEach(n -> out.println("  " + n));
    if (options.live() || config.service().live()) {
      out.println("  LIVE: Timmy acts on Gitea and the house, because of "
          + (options.live() ? "--live" : "service.live: true in " + configFile));
    }
    if (!config.service().loopback()) {
      out.println("  WARNING: listening on " + config.service().bind() + ", reachable from other machines"
          + " (service.allowRemote: true); GET routes need no token");
    }
    return service;
  }

  /** The config file, or the embedded demo when none is named. */
  static TimmyConfig load(Path file) throws ServiceException {
    if (file == null) return TimmyConfig.demo();
    try {
      return TimmyConfig.load(file);
    } catch (ConfigException e) {
      throw new ServiceException(e.problems().stream().map(ConfigProblem::toString).toList());
    }
  }
}
