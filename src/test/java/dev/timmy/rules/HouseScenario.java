package dev.timmy.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timmy.Json;
import dev.timmy.decide.CheckItem;
import dev.timmy.decide.Decision;
import dev.timmy.decide.EscalationItem;
import dev.timmy.decide.ProposalItem;
import dev.timmy.facts.Agent;
import dev.timmy.facts.AutomationLoop;
import dev.timmy.facts.Comment;
import dev.timmy.facts.Disk;
import dev.timmy.facts.HostMetrics;
import dev.timmy.facts.Issue;
import dev.timmy.facts.OllamaDown;
import dev.timmy.facts.OllamaModel;
import dev.timmy.facts.Owner;
import dev.timmy.facts.ProcessInfo;
import dev.timmy.facts.PullRequest;
import dev.timmy.facts.Quota;
import dev.timmy.facts.Snapshot;
import dev.timmy.facts.StaleFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One scenario file in the shared format (given facts → expected proposals, escalations, checks,
 * absences), read with the project's YAML mapper. A stand-in for the shared scenario runner in
 * {@code dev.timmy.scenarios} until it lands on this branch; once it does, the house scenarios
 * should run there and this class can go.
 */
record HouseScenario(Path file, String note, Given given, Expect expect) {

  record Given(
      Instant now, Boolean complete, Owner owner, HostMetrics host, List<Disk> disks, List<ProcessInfo> processes,
      List<OllamaModel> models, OllamaDown ollamaDown, List<AutomationLoop> loops, List<StaleFile> staleFiles,
      List<Quota> quotas, List<Issue> issues, List<PullRequest> pulls, List<Comment> comments, List<Agent> agents) {

    Snapshot snapshot() {
      Objects.requireNonNull(now, "given.now is required");
      return Snapshot.ofBacklog(now, complete == null || complete, List.of(), owner, or(issues), or(pulls),
              or(comments), or(agents))
          .withHouse(host, or(disks), or(processes), or(models), ollamaDown, or(loops), or(staleFiles), or(quotas));
    }

    private static <T> List<T> or(List<T> list) {
      return list == null ? List.of() : list;
    }
  }

  record Item(String kind, String subject, String ruleId, String name, Boolean ok) {}

  record Expect(List<Item> proposals, List<Item> escalations, List<Item> checks, List<Item> absent) {
    Expect {
      proposals = proposals == null ? List.of() : proposals;
      escalations = escalations == null ? List.of() : escalations;
      checks = checks == null ? List.of() : checks;
      absent = absent == null ? List.of() : absent;
    }
  }

  static HouseScenario read(Path file) throws IOException {
    JsonNode root = Json.yaml().readTree(file.toFile());
    if (root == null || !root.has("given") || !root.has("expect")) {
      throw new IOException(file + ": expected a mapping with note, given and expect");
    }
    return new HouseScenario(file, root.path("note").asText(""),
        Json.yaml().treeToValue(root.get("given"), Given.class),
        Json.yaml().treeToValue(root.get("expect"), Expect.class));
  }

  /** Every way the decision differs from what the scenario expects; empty when it matches. */
  List<String> mismatches(Decision d) {
    List<String> out = new ArrayList<>();
    for (Item e : expect.proposals()) {
      if (d.proposals().stream().noneMatch(p -> proposal(p, e) && (e.ruleId() == null || e.ruleId().equals(p.ruleId())))) {
        out.add("expected proposal " + e.kind() + " " + e.subject() + " by " + e.ruleId());
      }
    }
    for (Item e : expect.escalations()) {
      if (d.escalations().stream().noneMatch(x -> x.subject().equals(e.subject()) && (e.ruleId() == null || e.ruleId().equals(x.ruleId())))) {
        out.add("expected escalation of " + e.subject() + " by " + e.ruleId());
      }
    }
    for (Item e : expect.checks()) {
      if (d.checks().stream().noneMatch(c -> check(c, e))) {
        out.add("expected check " + e.subject() + " " + e.name() + "=" + e.ok() + " by " + e.ruleId());
      }
    }
    for (Item e : expect.absent()) {
      boolean present = e.kind() == null
          ? d.escalations().stream().anyMatch(x -> x.subject().equals(e.subject()))
          : d.proposals().stream().anyMatch(p -> proposal(p, e));
      if (present) out.add("expected no " + (e.kind() == null ? "escalation" : e.kind()) + " for " + e.subject());
    }
    if (!out.isEmpty()) out.add("decision: proposals " + d.proposals().stream().map(HouseScenario::say).toList()
        + ", escalations " + d.escalations().stream().map(HouseScenario::say).toList()
        + ", checks " + d.checks().stream().map(HouseScenario::say).toList());
    return out;
  }

  private static boolean proposal(ProposalItem p, Item e) {
    return p.kind().name().equals(e.kind()) && p.subject().equals(e.subject());
  }

  private static boolean check(CheckItem c, Item e) {
    return c.subject().equals(e.subject()) && c.name().equals(e.name()) && (e.ok() == null || e.ok() == c.ok())
        && (e.ruleId() == null || e.ruleId().equals(c.ruleId()));
  }

  private static String say(ProposalItem p) {
    return p.kind() + " " + p.subject() + " (" + p.ruleId() + ")";
  }

  private static String say(EscalationItem e) {
    return e.subject() + " (" + e.ruleId() + ")";
  }

  private static String say(CheckItem c) {
    return c.subject() + " " + c.name() + "=" + c.ok() + " (" + c.ruleId() + ")";
  }
}
