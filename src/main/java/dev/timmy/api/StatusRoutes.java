package dev.timmy.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timmy.Json;
import dev.timmy.act.Breakers;
import dev.timmy.cycle.LoopStatus;
import dev.timmy.decide.RuleError;
import dev.timmy.journal.CycleRow;
import dev.timmy.journal.CycleStatus;
import dev.timmy.act.Mode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Health, metrics and the OpenAPI description. */
final class StatusRoutes {
  /** Where the OpenAPI description lives on the classpath. */
  static final String OPENAPI_RESOURCE = "/openapi.yaml";

  private final Backend b;
  private final String openApiJson;

  StatusRoutes(Backend backend) {
    this.b = backend;
    this.openApiJson = openApi().toString();
  }

  void health(Context ctx) {
    List<CycleRow> recent = b.journal().cycles(2, null).cycles();
    Optional<CycleRow> finished = recent.stream().filter(c -> c.status() != CycleStatus.RUNNING).findFirst();
    List<RuleError> errors = b.rules().errors();
    LoopStatus loop = b.loop().status();
    List<Breakers.Breaker> breakers = b.breakers().get();
    List<String> reasons = new ArrayList<>();
    if (!errors.isEmpty()) reasons.add("rules: the last reload failed with " + errors.size() + " error(s)");
    b.rules().overdue().ifPresent(o -> reasons.add("rules: evaluation past its deadline: " + o));
    if (loop.lastError() != null) reasons.add("loop: " + loop.lastError());
    finished.filter(c -> c.status() == CycleStatus.FAILED).ifPresent(c -> reasons.add("cycle " + c.id() + " failed: " + c.error()));
    finished.filter(c -> Boolean.FALSE.equals(c.complete())).ifPresent(c -> reasons.add("cycle " + c.id() + " saw a partial snapshot"));
    for (Breakers.Breaker k : breakers) {
      if (k.open()) reasons.add("circuit breaker of " + k.target() + " open until " + k.resumesAt());
    }
    overdue(recent).ifPresent(reasons::add);
    String status = finished.isEmpty() ? "starting" : reasons.isEmpty() ? "ok" : "degraded";
    ctx.json(new Wire.Health(status, reasons, mode(b.mode()), b.source(), new Wire.RulesHealth(b.rules().revision(), errors,
        b.rules().overdue().orElse(null)),
        recent.isEmpty() ? null : recent.get(0), b.journal().lastGoodCycle().orElse(null), loop, breakers));
  }

  /** The running cycle, when it has run longer than its limit. */
  private Optional<String> overdue(List<CycleRow> recent) {
    if (recent.isEmpty() || recent.get(0).status() != CycleStatus.RUNNING || recent.get(0).started() == null) {
      return Optional.empty();
    }
    CycleRow running = recent.get(0);
    Duration ran = Duration.between(running.started(), b.clock().instant());
    if (ran.compareTo(b.cycleLimit()) <= 0) return Optional.empty();
    return Optional.of("cycle " + running.id() + " has run " + ran.toSeconds() + " s, past its limit of "
        + b.cycleLimit().toSeconds() + " s");
  }

  void metrics(Context ctx) {
    Boolean complete = b.latest().decided().map(d -> d.snapshot().complete()).orElse(null);
    String text = b.metrics().render(new Metrics.Gauges(b.rules().revision(), b.rules().errors().size(), mode(b.mode()),
        b.loop().status().running(), complete));
    ctx.contentType(Metrics.CONTENT_TYPE).result(text);
  }

  void openapi(Context ctx) {
    ctx.contentType("application/json").result(openApiJson);
  }

  static String mode(Mode mode) {
    return mode == Mode.LIVE ? "live" : "dry-run";
  }

  /** The checked-in description, read once; a missing or broken one is a build error, not a 500. */
  static JsonNode openApi() {
    try (InputStream in = StatusRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) throw new IllegalStateException(OPENAPI_RESOURCE + " missing from the classpath");
      return Json.yaml().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(OPENAPI_RESOURCE + " is not valid YAML", e);
    }
  }
}
