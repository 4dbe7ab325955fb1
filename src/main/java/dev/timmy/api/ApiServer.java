package dev.timmy.api;

import dev.timmy.Json;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.util.Set;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Timmy's HTTP API on Javalin: every route registered here, up front. Reading routes are open
 * (bind to localhost, the default); mutating ones need the admin token. Errors are
 * {@link ApiException}s carrying their status, answered as one {@link ApiError} body.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

  /** One registered route: method and Javalin path, e.g. {@code GET /api/cycles/{id}}. */
  public record Route(String method, String path) implements Comparable<Route> {
    @Override
    public int compareTo(Route o) {
      return (path + " " + method).compareTo(o.path + " " + o.method);
    }
  }

  /** Jetty's pool at most (acceptor and selector threads included). */
  public static final int MAX_THREADS = 6;

  private final Javalin app;
  private final DashboardEvents events;

  public ApiServer(Backend backend) {
    this(backend, null);
  }

  /** With {@code mcp} (when not null) answering {@code POST /mcp}: the MCP tools over streamable HTTP. */
  public ApiServer(Backend backend, Handler mcp) {
    Admin admin = new Admin(backend.secrets());
    StatusRoutes status = new StatusRoutes(backend);
    JournalRoutes journal = new JournalRoutes(backend);
    ExplainRoutes explain = new ExplainRoutes(backend);
    RulesRoutes rules = new RulesRoutes(backend);
    HouseRoutes house = new HouseRoutes(backend);
    WebhookRoutes webhooks = new WebhookRoutes(backend);
    DashboardRoutes dashboard = new DashboardRoutes(backend);
    events = backend.events();
    app = Javalin.create(config -> {
      config.jsonMapper(new JavalinJackson(Json.mapper(), false));
      config.startup.showJavalinBanner = false;
      config.http.prefer405over404 = true;
      // Answers are built once per cycle and served as the same bytes: compressing them again for
      // every request cost more CPU than sending them (the API listens on loopback by default).
      config.http.compressionStrategy = io.javalin.compression.CompressionStrategy.NONE;
      config.jetty.threadPool = threads();
      config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrors()));
      config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JsonErrors()));
      RoutesConfig r = config.routes;
      r.get("/api/health", status::health);
      r.get("/api/openapi", status::openapi);
      r.get("/metrics", status::metrics);
      r.get("/api/cycles", journal::cycles);
      r.post("/api/cycles", admin.only(journal::run));
      r.get("/api/cycles/{id}", journal::cycle);
      r.get("/api/decisions", journal::decisions);
      r.get("/api/explain", explain::subject);
      r.get("/api/explain/{owner}/{repo}/{number}", explain::issue);
      r.get("/api/rules", rules::rules);
      r.post("/api/rules/reload", admin.only(rules::reload));
      r.post("/api/simulate", admin.only(rules::simulate));
      r.get("/api/agents", house::agents);
      r.get("/api/house", house::house);
      r.post("/webhooks/gitea", webhooks::gitea);
      r.get("/", dashboard::page);
      r.get("/dashboard/{file}", dashboard::asset);
      r.get("/api/dashboard", dashboard::view);
      r.sse("/api/events", dashboard::events);
      if (mcp != null) r.post("/mcp", mcp);
      r.exception(ApiException.class, (e, ctx) -> answer(ctx, e));
      r.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, translate(e)));
      r.exception(Exception.class, (e, ctx) -> {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        answer(ctx, new ApiException(ErrorCode.INTERNAL_ERROR, e.getClass().getSimpleName() + ": " + e.getMessage()));
      });
    });
  }

  /**
   * A small bounded pool: under a burst, requests wait in the connector's queue instead of each
   * growing a thread (and its stack) until memory runs out. Reads answer from memory (bytes built
   * once per cycle), so a handful of threads serve hundreds of clients; more only contend for the
   * cores and starve the cycle loop (200 clients on a 10k house, 2 cores: with 32 threads no cycle
   * finished in 30 s; with 8, cycles ran and the API answered three times as many requests; with 6,
   * now that a cycle also computes the answers read in the one before, a cycle and its answers
   * took about 6 s instead of 10, at the same p99).
   */
  private static QueuedThreadPool threads() {
    QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, 4, 60_000);
    pool.setName("timmy-http");
    return pool;
  }

  /** Listens on {@code host:port} (port 0 picks a free one: see {@link #port()}). */
  public ApiServer start(String host, int port) {
    app.start(host, port);
    return this;
  }

  public int port() {
    return app.port();
  }

  /** The routes as Javalin holds them (HTTP methods only, no before/after filters). */
  public Set<Route> routes() {
    Set<Route> out = new TreeSet<>();
    for (var e : app.unsafe.internalRouter.allHttpHandlers()) {
      if (e.endpoint.method.isHttpMethod()) out.add(new Route(e.endpoint.method.name(), e.endpoint.path));
    }
    return out;
  }

  @Override
  public void close() {
    events.close(); // open event streams would hold Jetty's graceful stop
    app.stop();
  }

  private static void answer(Context ctx, ApiException e) {
    if (e.status() == 401) ctx.header("WWW-Authenticate", "Bearer");
    ctx.status(e.status()).json(e.body());
  }

  /** Javalin's own errors (no such route, wrong method, body too large) in the API's shape. */
  private static ApiException translate(HttpResponseException e) {
    ErrorCode code = e.getStatus() == 400 ? ErrorCode.INVALID_PARAMETER : ErrorCode.atEdge(e.getStatus());
    return new ApiException(e.getStatus(), code, e.getMessage());
  }
}
