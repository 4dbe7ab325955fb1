package dev.timmy.api;

import dev.timmy.decide.ActionKind;
import dev.timmy.decide.Decision;
import dev.timmy.decide.PriorityItem;
import dev.timmy.decide.ProposalItem;
import dev.timmy.decide.RouteItem;
import dev.timmy.decide.RuleError;
import dev.timmy.facts.Issue;
import dev.timmy.facts.PullRequest;
import dev.timmy.facts.Snapshot;
import dev.timmy.facts.WorkItem;
import dev.timmy.facts.WorkStage;
import dev.timmy.journal.ActionRow;
import dev.timmy.journal.ActionStatus;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The dashboard: one page at {@code /} with its script and style from the jar (no CDN), the view
 * the page needs beyond the other routes ({@code GET /api/dashboard}: the ranked backlog with
 * routes, stages and proposal outcomes, velocity, escalations, the latest cycle's actions), and
 * its live feed ({@code GET /api/events}, {@link DashboardEvents}). The page holds no data in its
 * markup and builds the DOM with {@code textContent}; a strict Content-Security-Policy forbids any
 * inline script, so an issue title that is markup stays text.
 */
final class DashboardRoutes {
  /** The page's own files, by name; nothing else under /dashboard is served. */
  private static final Map<String, String> ASSETS = Map.of(
      "dom.js", "text/javascript; charset=utf-8",
      "views.js", "text/javascript; charset=utf-8",
      "explain.js", "text/javascript; charset=utf-8",
      "dashboard.js", "text/javascript; charset=utf-8",
      "dashboard.css", "text/css; charset=utf-8",
      "favicon.svg", "image/svg+xml");
  static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self';"
      + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  /** Days of velocity shown. */
  static final int VELOCITY_DAYS = 14;

  private final Backend b;
  private final Map<String, byte[]> files;

  DashboardRoutes(Backend backend) {
    this.b = backend;
    this.files = new HashMap<>();
    files.put("index.html", read("index.html"));
    ASSETS.keySet().forEach(name -> files.put(name, read(name)));
    backend.events().watch(this::status, 2_000);
  }

  /** What the page shows in red between cycles; a change is pushed as a {@code status} event. */
  record Status(String rulesRevision, List<RuleError> ruleErrors, String loopError, int writeFailures) {}

  Status status() {
    return new Status(b.rules().revision(), b.rules().errors(), b.loop().status().lastError(),
        b.journal().failureStreak(100).failures());
  }

  void page(Context ctx) {
    secure(ctx);
    ctx.contentType("text/html; charset=utf-8").result(files.get("index.html"));
  }

  void asset(Context ctx) {
    String name = ctx.pathParam("file");
    String type = ASSETS.get(name);
    if (type == null) throw ApiException.notFound("dashboard file " + name + ": expected one of " + new TreeSet<>(ASSETS.keySet()));
    secure(ctx);
    ctx.contentType(type).result(files.get(name));
  }

  void events(SseClient client) {
    b.events().connect(client);
  }

  void view(Context ctx) {
    Latest.Decided x = b.latest().require();
    Snapshot s = x.snapshot();
    Decision d = x.decision();
    List<ActionRow> actions = x.actions().all(b.journal());
    Map<String, ActionRow> byKey = actions.stream().collect(Collectors.toMap(ActionRow::key, a -> a, (p, q) -> q));
    Map<String, WorkItem> work = s.work().stream().collect(Collectors.toMap(WorkItem::subject, w -> w, (p, q) -> p));
    s.work().stream().filter(w -> !w.pull().isEmpty()).forEach(w -> work.putIfAbsent(w.pull(), w));
    Map<String, Issue> issues = s.issues().stream().collect(Collectors.toMap(Issue::subject, i -> i, (p, q) -> p));
    Map<String, PullRequest> pulls = s.pulls().stream().collect(Collectors.toMap(PullRequest::subject, p -> p, (p, q) -> p));
    List<Wire.BacklogRow> rows = d.priorities().stream().sorted(Comparator.comparingInt(PriorityItem::rank))
        .map(p -> row(p, d, issues.get(p.subject()), pulls.get(p.subject()), work.get(p.subject()), byKey)).toList();
    List<ActionRow> dispatches = b.journal().finishedSince(ActionKind.ASSIGN, ActionStatus.DONE,
        s.takenAt().minus(Duration.ofDays(VELOCITY_DAYS * 4L)));
    Velocity v = Velocity.of(VELOCITY_DAYS, s.takenAt(), s.agents(), s.history(), dispatches);
    List<String> repos = rows.stream().map(Wire.BacklogRow::repo).distinct().sorted().toList();
    List<String> stages = Arrays.stream(WorkStage.values()).map(Enum::name).toList();
    ctx.json(new Wire.Dashboard(x.cycle().id(), s.takenAt(), StatusRoutes.mode(b.mode()), b.source(), repos,
        s.agents().stream().map(a -> a.name()).toList(), stages, rows, d.escalations(), actions, v));
  }

  private static Wire.BacklogRow row(
      PriorityItem p, Decision d, Issue issue, PullRequest pull, WorkItem w, Map<String, ActionRow> byKey) {
    Optional<RouteItem> route = d.chosenRoute(p.subject());
    String title = issue != null ? issue.title() : pull != null ? pull.title() : p.subject();
    List<String> labels = issue != null ? issue.labels() : pull != null ? pull.labels() : List.of();
    String repo = issue != null ? issue.repo() : pull != null ? pull.repo() : p.subject().replaceAll("#\\d+$", "");
    List<Wire.ProposalOutcome> proposals = d.proposalsOf(p.subject()).stream().map(x -> outcome(x, byKey.get(x.id()))).toList();
    return new Wire.BacklogRow(p.rank(), p.subject(), repo, pull != null, title, labels, p.total(),
        route.map(RouteItem::agent).orElse(w != null ? w.agent() : null), route.map(RouteItem::reason).orElse(null),
        w == null ? null : w.stage().name(), w == null ? null : w.since(), proposals);
  }

  /** done, would-do, refused, vetoed, failed, pending (intended, interrupted) or not-acted. */
  static Wire.ProposalOutcome outcome(ProposalItem p, ActionRow a) {
    String outcome;
    String detail;
    if (p.vetoed()) {
      outcome = "vetoed";
      detail = p.vetoes().stream().map(v -> v.reason() + " [" + v.ruleId() + "]").collect(Collectors.joining("; "));
    } else if (a == null) {
      outcome = "not-acted";
      detail = "";
    } else {
      outcome = switch (a.status()) {
        case DONE, SKIPPED_ALREADY_DONE -> "done";
        case WOULD_DO -> "would-do";
        case REFUSED -> "refused";
        case FAILED -> "failed";
        case INTENDED, INTERRUPTED -> "pending";
      };
      detail = a.status() == ActionStatus.REFUSED ? a.code() + ": " + a.outcome() : a.outcome() == null ? "" : a.outcome();
    }
    return new Wire.ProposalOutcome(p.id(), p.kind(), p.ruleId(), p.reason(), outcome, detail);
  }

  private static void secure(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cache-Control", "no-cache");
  }

  private static byte[] read(String name) {
    try (InputStream in = DashboardRoutes.class.getResourceAsStream("/dashboard/" + name)) {
      if (in == null) throw new IllegalStateException("/dashboard/" + name + " missing from the classpath");
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("/dashboard/" + name, e);
    }
  }
}
