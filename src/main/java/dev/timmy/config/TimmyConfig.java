package dev.timmy.config;

import dev.timmy.facts.Agent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything {@code timmy.yml} says. No secrets: those come from the environment ({@link Secrets}).
 * {@code gitea} absent means demo mode (the bundled demo house, dry-run); {@code house} absent
 * means the house is not observed live; {@code quota} absent means no provider quota is read;
 * {@code triage} absent means no model is asked about the issues.
 */
public record TimmyConfig(
    OwnerConfig owner,
    List<Agent> agents,
    GiteaConfig gitea,
    HouseConfig house,
    ServiceConfig service,
    BudgetConfig budgets,
    JournalConfig journal,
    QuotaConfig quota,
    TriageConfig triage) {

  /** Where the embedded default lives on the classpath. */
  static final String DEMO_RESOURCE = "/dev/timmy/config/demo.yml";

  public TimmyConfig {
    owner = owner == null ? OwnerConfig.defaults() : owner;
    agents = agents == null ? List.of() : List.copyOf(agents);
    service = service == null ? ServiceConfig.defaults() : service;
    budgets = budgets == null ? BudgetConfig.defaults() : budgets;
    journal = journal == null ? JournalConfig.defaults() : journal;
    triage = triage == null ? TriageConfig.defaults() : triage;
  }

  /** A config without a triage section (triage off). */
  public TimmyConfig(
      OwnerConfig owner, List<Agent> agents, GiteaConfig gitea, HouseConfig house, ServiceConfig service,
      BudgetConfig budgets, JournalConfig journal, QuotaConfig quota) {
    this(owner, agents, gitea, house, service, budgets, journal, quota, null);
  }

  /** A config without a quota section. */
  public TimmyConfig(
      OwnerConfig owner, List<Agent> agents, GiteaConfig gitea, HouseConfig house, ServiceConfig service,
      BudgetConfig budgets, JournalConfig journal) {
    this(owner, agents, gitea, house, service, budgets, journal, null, null);
  }

  /** The same configuration with another service section. */
  public TimmyConfig withService(ServiceConfig s) {
    return new TimmyConfig(owner, agents, gitea, house, s, budgets, journal, quota, triage);
  }

  /** Reads and validates {@code file}; fails with every problem found, each with its line. */
  public static TimmyConfig load(Path file) throws ConfigException {
    return ConfigLoader.load(file);
  }

  /** Validates YAML text; {@code fileName} only names the source in messages. */
  public static TimmyConfig parse(String yaml, String fileName) throws ConfigException {
    return ConfigLoader.parse(yaml, fileName);
  }

  /** The embedded default: the demo house's owner and roster, no Gitea, dry-run. */
  public static TimmyConfig demo() {
    try (InputStream in = TimmyConfig.class.getResourceAsStream(DEMO_RESOURCE)) {
      if (in == null) throw new IllegalStateException("embedded " + DEMO_RESOURCE + " missing from the jar");
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "embedded demo.yml");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ConfigException e) {
      throw new IllegalStateException("embedded demo.yml is invalid:\n" + e.getMessage(), e);
    }
  }

  /** True without a {@code gitea:} section: Timmy runs on the demo house, dry-run. */
  public boolean demoMode() {
    return gitea == null;
  }

  /** Every problem, as {@code key.path: expected …, found …}. */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    if (blank(owner.login())) out.add("owner.login: expected the owner's Gitea login, found nothing");
    nonBlank(out, "owner.holdLabels", owner.holdLabels());
    nonBlank(out, "owner.holdPhrases", owner.holdPhrases());
    agentProblems(out);
    if (gitea != null) out.addAll(gitea.problems("gitea."));
    if (house != null) out.addAll(house.problems("house."));
    if (quota != null) out.addAll(quota.problems("quota."));
    out.addAll(triage.problems("triage.", house != null));
    range(out, "service.port", service.port(), 1, 65535);
    if (blank(service.bind())) out.add("service.bind: expected an address such as 127.0.0.1, found nothing");
    else if (!service.loopback() && !service.allowRemote()) {
      out.add("service.bind: expected a loopback address (127.0.0.1, ::1) unless service.allowRemote: true is set, found "
          + service.bind());
    }
    range(out, "service.cycleSeconds", service.cycleSeconds(), 1, 86_400);
    range(out, "service.evaluationSeconds", service.evaluationSeconds(), 1, 300);
    if (service.live() && gitea == null) {
      out.add("service.live: expected false without a gitea section (demo mode is dry-run), found true");
    }
    if (blank(service.rulesDir())) out.add("service.rulesDir: expected a directory, found nothing");
    if (blank(service.fixturesDir())) out.add("service.fixturesDir: expected a directory, found nothing");
    range(out, "budgets.operationsPerCycle", budgets.operationsPerCycle(), 0, 10_000);
    range(out, "budgets.commentsPerIssuePerDay", budgets.commentsPerIssuePerDay(), 0, 1_000);
    range(out, "budgets.writeErrorsBeforeStop", budgets.writeErrorsBeforeStop(), 1, 1_000);
    range(out, "budgets.breakerCoolDownMinutes", budgets.breakerCoolDownMinutes(), 1, 10_080);
    if (blank(journal.path())) out.add("journal.path: expected a file path, found nothing");
    range(out, "journal.retentionDays", journal.retentionDays(), 1, 3_650);
    return out;
  }

  private void agentProblems(List<String> out) {
    if (agents.isEmpty()) out.add("agents: expected at least one agent, found none");
    Set<String> names = new HashSet<>();
    Set<String> logins = new HashSet<>();
    Set<String> readyLabels = new HashSet<>();
    for (int i = 0; i < agents.size(); i++) {
      Agent a = agents.get(i);
      String at = "agents[" + i + "].";
      boolean uniqueName = false;
      if (blank(a.name())) out.add(at + "name: expected a name, found nothing");
      else if (!names.add(a.name().toLowerCase())) out.add(at + "name: expected a unique name, found " + a.name() + " twice");
      else uniqueName = true;
      if (a.kind() == null) out.add(at + "kind: expected one of CLAUDE, KIMI, TIMMY, API, found nothing");
      if (blank(a.login())) out.add(at + "login: expected the agent's Gitea login, found nothing");
      else if (!logins.add(a.login().toLowerCase())) out.add(at + "login: expected a unique login, found " + a.login() + " twice");
      range(out, at + "maxConcurrent", a.maxConcurrent(), 1, 100);
      if (a.readyLabel() != null && a.readyLabel().isBlank()) out.add(at + "readyLabel: expected a label, found nothing");
      // A repeated name repeats its default ready label too: reported once, at the name.
      else if (a.readyLabel() != null && !readyLabels.add(a.readyLabel().toLowerCase()) && uniqueName) {
        out.add(at + "readyLabel: expected a label of this agent alone, found " + a.readyLabel() + " twice");
      }
      nonBlank(out, at + "strengths", a.strengths());
      nonBlank(out, at + "avoid", a.avoid());
      nonBlank(out, at + "processNames", a.processNames());
      for (String p : a.processNames()) {
        if (p != null && p.contains("/")) out.add(at + "processNames: expected process names (no paths), found " + p);
        // The host probe looks only for the names the house section lists; an unwatched name
        // would make the agent look offline (AGENT-002) while it runs.
        else if (p != null && !p.isBlank() && house != null && !house.processNames().contains(p)) {
          out.add(at + "processNames: expected names the house watches (add " + p + " to house.watchedProcesses), found " + p);
        }
      }
      if (a.provider() != null && !a.provider().matches("[\\w.-]*")) {
        out.add(at + "provider: expected a quota provider name such as anthropic, found " + a.provider());
      }
    }
  }

  private static void range(List<String> out, String key, int value, int min, int max) {
    if (value < min || value > max) out.add(key + ": expected " + min + ".." + max + ", found " + value);
  }

  private static void nonBlank(List<String> out, String key, List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      if (blank(values.get(i))) out.add(key + "[" + i + "]: expected text, found nothing");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
