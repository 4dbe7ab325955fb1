package dev.timmy.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.timmy.Json;
import dev.timmy.facts.Agent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads timmy.yml: YAML syntax, then binding (types, unknown keys), then validation (ranges,
 * required values, the owned sections' own checks). All problems of a stage are reported at
 * once, each with the line of its key.
 */
final class ConfigLoader {
  /** Defaults of a roster entry; the ready label defaults to {@code <name>-ready} afterwards. */
  private static final Agent AGENT_TEMPLATE = new Agent(null, null, null, null, List.of(), List.of(), 1, List.of(), true);

  private ConfigLoader() {}

  static TimmyConfig load(Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw single(file.toString(), 0, "file not found (expected a YAML config; run without --config for the demo)");
    } catch (IOException e) {
      throw single(file.toString(), 0, "cannot read: " + e.getMessage());
    }
    Path dir = file.toAbsolutePath().getParent();
    return parse(text, file.toString(), dir);
  }

  static TimmyConfig parse(String yaml, String file) throws ConfigException {
    return parse(yaml, file, null);
  }

  /** {@code dir}: where relative paths written in the file are relative to (null: left as written). */
  private static TimmyConfig parse(String yaml, String file, Path dir) throws ConfigException {
    YamlLines lines;
    JsonNode root;
    try {
      lines = YamlLines.of(yaml);
      root = Json.yaml().readTree(yaml);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw single(file, at == null ? 0 : at.getLineNr(), "not valid YAML: " + firstLines(e.getOriginalMessage()));
    } catch (IOException e) {
      throw single(file, 0, "cannot parse: " + e.getMessage());
    }
    if (root == null || root.isMissingNode() || root.isNull()) root = Json.yaml().createObjectNode();

    List<String> found = new ArrayList<>();
    for (String dup : lines.duplicates()) found.add(dup + ": expected each key once, found it again");
    ConfigBinder binder = new ConfigBinder(Map.of(
        OwnerConfig.class, OwnerConfig.defaults(),
        ServiceConfig.class, ServiceConfig.defaults(),
        BudgetConfig.class, BudgetConfig.defaults(),
        JournalConfig.class, JournalConfig.defaults(),
        HouseConfig.class, HouseConfig.defaults(),
        TriageConfig.class, TriageConfig.defaults(),
        Agent.class, AGENT_TEMPLATE));
    TimmyConfig config = binder.bind(root, TimmyConfig.class);
    found.addAll(binder.problems());
    if (config != null) {
      config = withReadyLabels(config);
      config.problems().stream().filter(p -> !binder.replaced(keyOf(p))).forEach(found::add);
    }
    if (!found.isEmpty()) throw new ConfigException(located(file, lines, found));
    return dir == null ? config : relativeTo(dir, config, lines);
  }

  /**
   * Paths written in the file are relative to the file, wherever Timmy is started from; paths left
   * out keep their defaults, relative to the working directory (where the bundled rules and demo
   * house stand in for absent ones, see {@link Bundled}).
   */
  private static TimmyConfig relativeTo(Path dir, TimmyConfig c, YamlLines lines) {
    ServiceConfig s = c.service();
    ServiceConfig service = s.withDirs(
        lines.has("service.rulesDir") ? dir.resolve(s.rulesDir()).normalize().toString() : s.rulesDir(),
        lines.has("service.fixturesDir") ? dir.resolve(s.fixturesDir()).normalize().toString() : s.fixturesDir());
    JournalConfig j = c.journal();
    JournalConfig journal = lines.has("journal.path")
        ? new JournalConfig(dir.resolve(j.path()).normalize().toString(), j.retentionDays()) : j;
    return new TimmyConfig(c.owner(), c.agents(), c.gitea(), c.house(), service, c.budgets(), journal, c.quota(), c.triage());
  }

  private static TimmyConfig withReadyLabels(TimmyConfig c) {
    List<Agent> agents = c.agents().stream().map(a -> a.readyLabel() != null || a.name() == null ? a
        : new Agent(a.name(), a.kind(), a.login(), a.name() + "-ready", a.strengths(), a.avoid(),
            a.maxConcurrent(), a.processNames(), a.enabled(), a.provider())).toList();
    return new TimmyConfig(c.owner(), agents, c.gitea(), c.house(), c.service(), c.budgets(), c.journal(), c.quota(), c.triage());
  }

  /** Problems arrive as {@code key.path: message}; the key finds the line. */
  private static List<ConfigProblem> located(String file, YamlLines lines, List<String> problems) {
    List<ConfigProblem> out = new ArrayList<>();
    for (String p : problems) {
      String key = keyOf(p);
      String message = key.isEmpty() ? p : p.substring(key.length() + 2);
      out.add(new ConfigProblem(file, key.isEmpty() ? 0 : lines.lineOf(key), key, message));
    }
    out.sort((a, b) -> Integer.compare(a.line() == 0 ? Integer.MAX_VALUE : a.line(), b.line() == 0 ? Integer.MAX_VALUE : b.line()));
    return out;
  }

  private static String keyOf(String problem) {
    int colon = problem.indexOf(": ");
    return colon > 0 && !problem.substring(0, colon).contains(" ") ? problem.substring(0, colon) : "";
  }

  /** SnakeYAML quotes the source under each message line; the line number already says where. */
  private static String firstLines(String message) {
    return message == null ? "" : String.join("; ", message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0))).toList());
  }

  private static ConfigException single(String file, int line, String message) {
    return new ConfigException(List.of(new ConfigProblem(file, line, "", message)));
  }
}
