package dev.timmy.api;

import dev.timmy.journal.CycleRow;
import dev.timmy.journal.DecisionFilter;
import dev.timmy.journal.ItemKind;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Cycles and decision items from the journal, and running a cycle now. */
final class JournalRoutes {
  private final Backend b;

  JournalRoutes(Backend backend) {
    this.b = backend;
  }

  void cycles(Context ctx) {
    ctx.json(b.journal().cycles(Params.integer(ctx, "limit", 50, 1, 1_000), Params.id(ctx, "before")));
  }

  void cycle(Context ctx) {
    long id = Params.pathId(ctx, "id");
    ctx.json(b.journal().cycle(id).orElseThrow(() -> ApiException.notFound(
        "cycle " + id + ": expected a journaled cycle, found none (never run, or pruned after the retention)")));
  }

  void decisions(Context ctx) {
    DecisionFilter f = new DecisionFilter(Params.text(ctx, "subject"), Params.text(ctx, "rule"), kind(ctx),
        Params.instant(ctx, "since"), Params.integer(ctx, "limit", 500, 1, DecisionFilter.MAX_LIMIT));
    // The journal's decisions change only when a cycle is recorded: kept with the latest decided one.
    var d = b.latest().decided();
    if (d.isPresent()) AnswerCache.send(ctx, d.get().answer(f, x -> b.journal().decisions(f)));
    else ctx.json(b.journal().decisions(f));
  }

  /** Runs a cycle now (joining one already asked for) and answers with its journal row. */
  void run(Context ctx) {
    CompletableFuture<CycleRow> done = b.loop().triggerNow("api");
    try {
      ctx.json(done.get(b.cycleWait().toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      throw new ApiException(ErrorCode.CYCLE_TIMEOUT, "the cycle still runs after " + b.cycleWait().toSeconds()
          + "s; it will be journaled when done (GET /api/cycles)");
    } catch (CancellationException e) {
      throw stopping();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof CancellationException) throw stopping();
      throw new ApiException(ErrorCode.CYCLE_FAILED, "the cycle could not be completed: " + e.getCause().getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw stopping();
    }
  }

  private static ApiException stopping() {
    return new ApiException(ErrorCode.STOPPING, "Timmy is stopping: no cycle will run");
  }

  private static ItemKind kind(Context ctx) {
    String v = Params.text(ctx, "kind");
    if (v == null) return null;
    try {
      return ItemKind.valueOf(v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidParameter("kind", "one of " + Arrays.toString(ItemKind.values()).toLowerCase(Locale.ROOT), v);
    }
  }
}
