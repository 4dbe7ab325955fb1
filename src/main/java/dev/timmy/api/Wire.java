package dev.timmy.api;

import dev.timmy.act.Breakers;
import dev.timmy.cycle.LoopStatus;
import dev.timmy.decide.ActionKind;
import dev.timmy.decide.CheckItem;
import dev.timmy.decide.EscalationItem;
import dev.timmy.decide.Explanation;
import dev.timmy.decide.ProposalItem;
import dev.timmy.decide.RouteItem;
import dev.timmy.decide.RuleError;
import dev.timmy.decide.RuleInfo;
import dev.timmy.facts.Agent;
import dev.timmy.facts.AgentLoad;
import dev.timmy.facts.AgentRecord;
import dev.timmy.facts.WorkRecord;
import dev.timmy.facts.WorkItem;
import dev.timmy.facts.AutomationLoop;
import dev.timmy.facts.Disk;
import dev.timmy.facts.HostMetrics;
import dev.timmy.facts.OllamaDown;
import dev.timmy.facts.OllamaModel;
import dev.timmy.facts.ProcessInfo;
import dev.timmy.facts.Quota;
import dev.timmy.facts.StaleFile;
import dev.timmy.journal.ActionRow;
import dev.timmy.journal.CycleRow;
import dev.timmy.journal.SubjectHistory;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The API's bodies, in one place (the decide and journal records are served as they are; these
 * put them together per question). Field names are the JSON names; {@code openapi.yaml} describes
 * each.
 */
public final class Wire {
  private Wire() {}

  /**
   * {@code GET /api/health}: {@code status} is starting, ok or degraded (rule errors, a failed or
   * partial cycle, an open circuit breaker, a cycle running past its limit), {@code reasons} says
   * which, and {@code breakers} shows each target's circuit breaker.
   */
  public record Health(
      String status, List<String> reasons, String mode, String source, RulesHealth rules, CycleRow lastCycle,
      CycleRow lastGoodCycle, LoopStatus loop, List<Breakers.Breaker> breakers) {}

  /**
   * The rules in force and the errors of the last failed reload, each with file and line;
   * {@code overdue} names the rule of the last evaluation abandoned at its deadline (null when none).
   */
  public record RulesHealth(String revision, List<RuleError> errors, String overdue) {}

  /** {@code GET /api/rules}. */
  public record Rules(String revision, String dir, List<String> files, List<RuleInfo> rules, List<RuleError> errors) {}

  /** {@code POST /api/rules/reload} when the rules compile. */
  public record Reloaded(boolean changed, String revision) {}

  /**
   * {@code POST /api/simulate}: either a directory of candidate rules on Timmy's disk, or files
   * that replace (or add to) a copy of the live rules, by file name.
   */
  public record SimulateRequest(String rulesDir, Map<String, String> files) {}

  /** {@code POST /webhooks/gitea}. */
  public record Accepted(String message) {}

  /**
   * {@code GET /api/explain…}: the decision in force about a subject ({@code current}, the one
   * explanation model the CLI renders too), wrapped with what only the service knows: its cycle,
   * the actions that cycle journaled about the subject, the why-not (the explanation's, then the
   * refusals of those actions) and the subject's recent history, in spans of cycles in which it
   * stood the same.
   */
  public record Explained(
      String subject, String title, Long cycleId, Instant snapshotTakenAt, Explanation current,
      List<ActionRow> actions, List<String> whyNot, List<SubjectHistory.Span> history) {}

  /** {@code GET /api/agents}. */
  public record Agents(Long cycleId, Instant snapshotTakenAt, List<AgentView> agents) {}

  /**
   * One roster agent: its load, its record overall and by kind and area of work, the routes chosen
   * for it, proposals addressed to it (its ready label, its login, or naming it), and whatever the
   * rules said about {@code agent:<name>}.
   */
  public record AgentView(
      String subject, Agent agent, String state, String stateReason, AgentLoad load, List<WorkItem> work,
      AgentRecord record, List<WorkRecord> workRecords, Quota quota, List<RouteItem> routes, List<ProposalItem> proposals, List<CheckItem> checks,
      List<EscalationItem> escalations, List<ActionRow> actions) {}

  /** {@code GET /api/house}: each observed part with what the rules and the executor made of it. */
  public record House(
      Long cycleId, Instant snapshotTakenAt, boolean complete, List<String> gaps, Concern<HostMetrics> host,
      List<Concern<Disk>> disks, List<Concern<OllamaModel>> models, OllamaDown ollamaDown,
      List<Concern<AutomationLoop>> loops, List<Concern<StaleFile>> staleFiles, List<Concern<ProcessInfo>> processes,
      List<Quota> quotas) {}

  /** One subject of the house ({@code host}, {@code model:NAME}, {@code loop:NAME}, {@code file:PATH}…). */
  public record Concern<T>(
      String subject, T fact, List<CheckItem> checks, List<ProposalItem> proposals, List<EscalationItem> escalations,
      List<ActionRow> actions) {}

  /**
   * {@code GET /api/dashboard}: what the page shows beyond agents, house, health and cycles — the
   * ranked backlog, the escalations, the latest cycle's actions and the velocity.
   */
  public record Dashboard(
      Long cycleId, Instant snapshotTakenAt, String mode, String source, List<String> repos, List<String> agents,
      List<String> stages, List<BacklogRow> backlog, List<EscalationItem> escalations, List<ActionRow> actions,
      Velocity velocity) {}

  /** One ranked issue or pull request: its priority, route, stage of work in flight and proposals. */
  public record BacklogRow(
      int rank, String subject, String repo, boolean pull, String title, List<String> labels, int priority,
      String agent, String routeReason, String stage, Instant stageSince, List<ProposalOutcome> proposals) {}

  /** A proposal and what came of it: done, would-do, refused, vetoed, failed, pending or not-acted. */
  public record ProposalOutcome(
      String id, ActionKind kind, String ruleId, String reason, String outcome, String detail) {}
}
