package dev.timmy.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.timmy.Json;
import dev.timmy.api.Answers;
import dev.timmy.api.ApiException;
import dev.timmy.api.ErrorCode;
import dev.timmy.api.Wire;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seven tools, in one registry: each one's parameters (its input schema and its parsing), its
 * result shape ({@code outputs.json}) and its body, an {@link Answers} call. A call answers the
 * body's record as structured content (and as JSON text); one that cannot answer is a tool error
 * ({@code isError}) with {@code {code, message}} in the API's codes.
 */
public final class Tools {
  private static final Logger LOG = LoggerFactory.getLogger(Tools.class);
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
  /** Longest subject accepted: real ones are far shorter (owner/repo#N, file:PATH). */
  static final int MAX_SUBJECT = 1_000;

  /** Who calls: {@link #requireAdmin} throws a 401 {@code unauthorized} unless the caller holds the admin token. */
  @FunctionalInterface
  public interface Caller {
    void requireAdmin();
  }

  private record Def(McpSchema.Tool tool, boolean admin, List<Param> params, Function<Map<String, Object>, Object> body) {}

  private final Map<String, Def> defs = new LinkedHashMap<>();

  public Tools(Answers answers) {
    Map<String, Object> outputs = outputs();
    Param subject = Param.text("subject", true, MAX_SUBJECT,
        "owner/repo#N, agent:NAME, model:NAME, loop:NAME, file:PATH, disk:MOUNT, process:PID or host");
    Param cycles = Param.integer("cycles", 10, 1, 100, "how many recent journaled cycles of history");
    add(outputs, "backlog", "The ranked backlog", "The open backlog ranked by priority, best first: each subject's"
        + " points and their rules, the agent chosen for it and why not the others, its proposals with vetoes.", false,
        List.of(Param.integer("limit", 50, 1, 1_000, "at most this many subjects")),
        a -> Backlog.of(answers.latest(), (Integer) a.get("limit")));
    add(outputs, "explain", "Why, and why not", "Everything the decision in force says about one subject (priority"
        + " parts, the ✔/✘ checklist with margins, every route, proposals and vetoes), the cycle's actions, the why-not in words,"
        + " and its recent history.", false, List.of(subject, cycles),
        a -> answers.explain((String) a.get("subject"), (Integer) a.get("cycles")));
    add(outputs, "agents", "The agents", "Each roster agent: state and why, load, work in flight, quota, 14-day"
        + " record, the routes chosen for it and the proposals addressed to it.", false, List.of(), a -> answers.agents());
    add(outputs, "house", "The house", "Host, disks, models, loops, stale files and processes, each with what the"
        + " rules made of it (checks, proposals, escalations) and the actions taken.", false, List.of(), a -> answers.house());
    add(outputs, "next_task", "What should I take now", "For one agent: the highest-ranked subject the latest"
        + " decision routed to it, why (priority parts, the route, dispatch proposals), the rest of its queue, its work"
        + " in flight and state.", false, List.of(Param.text("agent", true, 100, "the agent's roster name, e.g. kimi")),
        a -> NextTask.of(answers, (String) a.get("agent")));
    add(outputs, "history", "A subject's past decisions", "What the journal recorded about a subject in the"
        + " last cycles that mention it, newest first, in spans of cycles in which it stood the same: priority,"
        + " routes, checks, proposals, and each cycle's actions.", false,
        List.of(subject, cycles), a -> answers.history((String) a.get("subject"), (Integer) a.get("cycles")));
    add(outputs, "simulate", "Simulate a rules edit (admin)", "Candidate rules against the live ones on the"
        + " latest snapshot: priorities moved, routes changed, proposals added or removed, vetoes changed. Either"
        + " files (NAME.drl: text, over a copy of the live rules) or rulesDir. Admin only: DRL text is code.", true,
        List.of(Param.files("NAME.drl: DRL text, replacing or adding files in a copy of the live rules"),
            Param.text("rulesDir", false, 4_096, "a directory of candidate rules on Timmy's disk")),
        a -> answers.simulate(new Wire.SimulateRequest((String) a.get("rulesDir"), files(a.get("files")))));
  }

  public List<McpSchema.Tool> list() {
    return defs.values().stream().map(Def::tool).toList();
  }

  /** Calls tool {@code name}; never throws: every failure is a tool error with a code. */
  public McpSchema.CallToolResult call(String name, Map<String, Object> arguments, Caller caller) {
    try {
      Def d = defs.get(name);
      if (d == null) throw ApiException.notFound("tool " + Param.excerpt(String.valueOf(name)) + ": expected one of " + defs.keySet());
      if (d.admin()) caller.requireAdmin();
      Map<String, Object> structured = Json.mapper().convertValue(d.body().apply(parse(d, arguments)), OBJECT);
      return McpSchema.CallToolResult.builder().structuredContent(structured)
          .addTextContent(Json.mapper().writeValueAsString(structured)).build();
    } catch (ApiException e) {
      return error(e.body().code(), e.getMessage());
    } catch (RuntimeException | JsonProcessingException e) {
      LOG.error("MCP tool {} failed", name, e);
      return error(ErrorCode.INTERNAL_ERROR, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static Map<String, Object> parse(Def d, Map<String, Object> arguments) {
    Map<String, Object> given = arguments == null ? Map.of() : arguments;
    for (String key : given.keySet()) {
      if (d.params().stream().noneMatch(p -> p.name().equals(key))) {
        throw ApiException.invalidParameter(Param.excerpt(key), "one of " + d.params().stream().map(Param::name).toList(),
            "an unknown parameter");
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Param p : d.params()) out.put(p.name(), p.parse(given.get(p.name())));
    return out;
  }

  private static McpSchema.CallToolResult error(ErrorCode code, String message) {
    return McpSchema.CallToolResult.builder().isError(true).structuredContent(Map.of("code", code.wire(), "message", message))
        .addTextContent(code + ": " + message).build();
  }

  private void add(Map<String, Object> outputs, String name, String title, String description, boolean admin,
      List<Param> params, Function<Map<String, Object>, Object> body) {
    Map<String, Object> properties = new LinkedHashMap<>();
    params.forEach(p -> properties.put(p.name(), p.schema()));
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("type", "object");
    input.put("properties", properties);
    input.put("required", params.stream().filter(Param::required).map(Param::name).toList());
    input.put("additionalProperties", false);
    @SuppressWarnings("unchecked")
    Map<String, Object> output = (Map<String, Object>) outputs.get(name);
    McpSchema.Tool tool = McpSchema.Tool.builder().name(name).title(title).description(description)
        .inputSchema(input).outputSchema(output)
        .annotations(new McpSchema.ToolAnnotations(title, true, false, true, false, null)).build();
    defs.put(name, new Def(tool, admin, params, body));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> files(Object files) {
    return (Map<String, String>) files;
  }

  private static Map<String, Object> outputs() {
    try (InputStream in = Tools.class.getResourceAsStream("outputs.json")) {
      if (in == null) throw new IllegalStateException("dev/timmy/mcp/outputs.json missing from the jar");
      return Json.mapper().readValue(in, OBJECT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
