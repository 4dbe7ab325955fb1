package dev.timmy.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.timmy.Json;
import dev.timmy.decide.RuleBook;
import io.javalin.http.Context;
import java.util.concurrent.Semaphore;

/** The rules in force, reloading them, and simulating candidates against them. */
final class RulesRoutes {
  private final Backend b;
  /** One simulation at a time: each compiles and evaluates two rule books. */
  private final Semaphore simulating = new Semaphore(1);

  RulesRoutes(Backend backend) {
    this.b = backend;
  }

  void rules(Context ctx) {
    RuleBook r = b.rules();
    ctx.json(new Wire.Rules(r.revision(), r.dir().toString(), r.files(), r.rules(), r.errors()));
  }

  /** Recompiles the rules directory now; when it fails, the previous revision stays in force. */
  void reload(Context ctx) {
    RuleBook.Reload r = b.rules().reload();
    if (!r.ok()) {
      throw ApiException.rulesInvalid("the rules do not compile; revision " + r.revision() + " stays in force:", r.errors());
    }
    ctx.json(new Wire.Reloaded(r.changed(), r.revision()));
  }

  void simulate(Context ctx) {
    Wire.SimulateRequest request;
    try {
      request = Json.mapper().readValue(ctx.body(), Wire.SimulateRequest.class);
    } catch (JsonProcessingException e) {
      throw ApiException.invalidBody("expected a JSON object with rulesDir or files, found: " + e.getOriginalMessage());
    }
    if (!simulating.tryAcquire()) {
      throw new ApiException(ErrorCode.BUSY, "another simulation is running: expected one at a time, try again when it answers");
    }
    try {
      ctx.json(Simulation.run(b.rules(), b.latest().require().snapshot(), request));
    } finally {
      simulating.release();
    }
  }
}
