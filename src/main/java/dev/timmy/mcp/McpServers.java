package dev.timmy.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timmy.api.ApiException;
import dev.timmy.api.ErrorCode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The same {@link Tools} over the two transports of the official SDK: stdio (one client, the
 * process that started {@code timmy mcp}) and streamable HTTP in its stateless form (each POST is
 * one JSON-RPC request answered with one JSON response), mounted as {@code POST /mcp} on the API.
 */
public final class McpServers {
  static final String ENDPOINT = "/mcp";
  private static final String AUTHORIZATION = "authorization";
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private McpServers() {}

  /**
   * Serves the tools over {@code in}/{@code out} until closed. Over stdio there is no token to
   * present: {@code admin} (the {@code --admin} flag of whoever started the process) decides simulate.
   */
  public static McpSyncServer stdio(Tools tools, boolean admin, InputStream in, OutputStream out) {
    Tools.Caller caller = () -> {
      if (!admin) {
        throw ApiException.unauthorized("simulate is admin only: over stdio, start the server with"
            + " timmy mcp --admin (or use POST /mcp with Authorization: Bearer <admin token>)");
      }
    };
    return McpServer.sync(new StdioServerTransportProvider(mapper(), in, out))
        .serverInfo("timmy", version()).capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
        .instructions(INSTRUCTIONS).requestTimeout(TIMEOUT).validateToolInputs(false)
        .tools(tools.list().stream().map(t -> new McpServerFeatures.SyncToolSpecification(t,
            (exchange, request) -> tools.call(t.name(), request.arguments(), caller))).toList())
        .build();
  }

  /** The Javalin handler of {@code POST /mcp}: loopback callers only; simulate needs the admin token. */
  public static Handler http(Tools tools, Consumer<String> requireAdmin) {
    HttpServletStatelessServerTransport transport = HttpServletStatelessServerTransport.builder().jsonMapper(mapper())
        .messageEndpoint(ENDPOINT)
        .contextExtractor(req -> {
          Map<String, Object> m = new HashMap<>();
          String auth = req.getHeader("Authorization");
          if (auth != null) m.put(AUTHORIZATION, auth);
          return McpTransportContext.create(m);
        })
        .build();
    McpStatelessSyncServer server = McpServer.sync(transport).serverInfo("timmy", version())
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build()).instructions(INSTRUCTIONS)
        .requestTimeout(TIMEOUT).validateToolInputs(false)
        .tools(tools.list().stream().map(t -> new McpStatelessServerFeatures.SyncToolSpecification(t,
            (context, request) -> tools.call(t.name(), request.arguments(),
                () -> requireAdmin.accept((String) context.get(AUTHORIZATION))))).toList())
        .build();
    return ctx -> {
      loopbackOnly(ctx);
      transport.service(ctx.req(), ctx.res());
    };
  }

  /** Refuses (403 {@code forbidden}) a caller from another host, or a page from another origin (DNS rebinding). */
  private static void loopbackOnly(Context ctx) {
    if (!loopback(ctx.req().getRemoteAddr())) {
      throw new ApiException(ErrorCode.FORBIDDEN, "/mcp answers loopback callers only, found " + ctx.req().getRemoteAddr());
    }
    String origin = ctx.header("Origin");
    if (origin != null && !loopbackOrigin(origin)) {
      throw new ApiException(ErrorCode.FORBIDDEN, "Origin: expected a page served from localhost or 127.0.0.1, found "
          + Param.excerpt(origin));
    }
  }

  private static boolean loopback(String address) {
    try {
      return address != null && InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static boolean loopbackOrigin(String origin) {
    try {
      String host = URI.create(origin.strip()).getHost();
      return host != null && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The SDK's own Jackson 2 mapper (MCP messages have their own rules; Timmy's records are converted by Tools). */
  static McpJsonMapper mapper() {
    return new JacksonMcpJsonMapper(new ObjectMapper());
  }

  private static String version() {
    String v = McpServers.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  private static final String INSTRUCTIONS = "Timmy decides what a small house of AI coding agents should do on a"
      + " Gitea backlog, with rules, and explains every decision. Use backlog for the ranked work, next_task with"
      + " your agent name for what to take now and why, explain for any subject (owner/repo#N, agent:NAME,"
      + " model:NAME, loop:NAME, file:PATH, host), history for its past decisions. Tools only read.";
}
