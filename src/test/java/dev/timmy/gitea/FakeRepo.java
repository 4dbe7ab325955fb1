package dev.timmy.gitea;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.timmy.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** One repository of {@link FakeGitea}: issues, pulls (their issue view is derived), comments, labels, branches. */
public final class FakeRepo {
  static final String BASE = "http://gitea.test";
  private final FakeGitea server;
  public final String name;
  public final Map<Integer, ObjectNode> issues = new TreeMap<>();
  public final Map<Integer, ObjectNode> pulls = new TreeMap<>();
  public final List<ObjectNode> comments = new ArrayList<>();
  public final Map<Integer, List<ObjectNode>> reviews = new TreeMap<>();
  public final Map<String, ObjectNode> statuses = new TreeMap<>();
  public final List<ObjectNode> labels = new ArrayList<>();
  public final Map<String, String> branches = new TreeMap<>();
  /** Timeline events other than comments (assignments), in the shape of {@code TimelineComment}. */
  public final List<ObjectNode> events = new ArrayList<>();
  /** Branch protection fields ({@code enable_status_check}, {@code status_check_contexts}, {@code required_approvals}) by branch. */
  public final Map<String, ObjectNode> protection = new TreeMap<>();
  private long nextId = 10_000;

  FakeRepo(FakeGitea server, String name) {
    this.server = server;
    this.name = name;
  }

  static ObjectNode user(String login) {
    return Json.mapper().createObjectNode().put("id", Math.abs(login.hashCode() % 1000)).put("login", login)
        .put("full_name", "").put("email", login + "@noreply.gitea.test");
  }

  public ObjectNode label(String name) {
    for (ObjectNode l : labels) if (l.path("name").asText().equals(name)) return l;
    ObjectNode l = Json.mapper().createObjectNode().put("id", ++nextId).put("name", name).put("color", "ededed")
        .put("description", "").put("exclusive", false).put("is_archived", false).put("url", "");
    labels.add(l);
    return l;
  }

  public ObjectNode addIssue(int number, String title, String author, Instant updated, String... labelNames) {
    ObjectNode i = Json.mapper().createObjectNode().put("id", ++nextId)
        .put("url", BASE + "/api/v1/repos/" + name + "/issues/" + number)
        .put("html_url", BASE + "/" + name + "/issues/" + number).put("number", number).put("title", title)
        .put("body", "").put("state", "open").put("comments", 0)
        .put("created_at", updated.minusSeconds(86_400).toString()).put("updated_at", updated.toString());
    i.set("user", user(author));
    ArrayNode ls = i.putArray("labels");
    for (String l : labelNames) ls.add(label(l));
    i.putArray("assignees");
    i.putNull("pull_request");
    issues.put(number, i);
    return i;
  }

  public ObjectNode addPull(int number, String title, String author, Instant updated, String headSha, String ciState) {
    String url = BASE + "/" + name + "/pulls/" + number;
    ObjectNode p = Json.mapper().createObjectNode().put("id", ++nextId).put("url", url).put("number", number)
        .put("title", title).put("body", "Closes #1").put("state", "open").put("draft", false).put("comments", 0)
        .put("html_url", url).put("mergeable", true).put("merged", false)
        .put("created_at", updated.minusSeconds(86_400).toString()).put("updated_at", updated.toString());
    p.set("user", user(author));
    p.putArray("labels");
    p.putArray("assignees");
    String ref = "feature/" + number;
    p.set("head", Json.mapper().createObjectNode().put("label", ref).put("ref", ref).put("sha", headSha).put("repo_id", 1));
    p.set("base", Json.mapper().createObjectNode().put("label", "main").put("ref", "main").put("sha", "0000").put("repo_id", 1));
    pulls.put(number, p);
    reviews.put(number, new ArrayList<>());
    branches.put(ref, headSha);
    setStatus(headSha, ciState, "ci/build");
    return p;
  }

  /** Closes pull {@code number} at {@code at}, merged or not, as Gitea records it. */
  public void closePull(int number, boolean merged, Instant at) {
    ObjectNode p = pulls.get(number);
    p.put("state", "closed").put("merged", merged).put("closed_at", at.toString()).put("updated_at", at.toString());
    if (merged) p.put("merged_at", at.toString());
  }

  /** Closes issue {@code number} at {@code closedAt}; {@code updatedAt} may be later (a comment after closing). */
  public void closeIssue(int number, Instant closedAt, Instant updatedAt, String... assignees) {
    ObjectNode i = issues.get(number);
    i.put("state", "closed").put("closed_at", closedAt.toString()).put("updated_at", updatedAt.toString());
    ArrayNode as = i.putArray("assignees");
    for (String a : assignees) as.add(user(a));
  }

  /** Statuses on {@code sha}, context then state, with the combined {@code state} Gitea reports. */
  public void setStatuses(String sha, String state, String... contextStates) {
    ObjectNode c = Json.mapper().createObjectNode().put("state", state).put("sha", sha).put("total_count", contextStates.length / 2);
    ArrayNode all = c.putArray("statuses");
    for (int i = 0; i < contextStates.length; i += 2) {
      all.addObject().put("id", ++nextId).put("status", contextStates[i + 1]).put("context", contextStates[i])
          .put("description", "").put("target_url", "").put("url", "");
    }
    statuses.put(sha, c);
  }

  public void setStatus(String sha, String state, String context) {
    ObjectNode c = Json.mapper().createObjectNode().put("state", state).put("sha", sha).put("total_count", 1);
    c.putArray("statuses").addObject().put("id", ++nextId).put("status", state).put("context", context)
        .put("description", "").put("target_url", "").put("url", "");
    statuses.put(sha, c);
  }

  public ObjectNode addReview(int pull, String who, String state, Instant at) {
    ObjectNode r = Json.mapper().createObjectNode().put("id", ++nextId).put("state", state).put("body", "")
        .put("commit_id", pulls.get(pull).path("head").path("sha").asText()).put("dismissed", false)
        .put("stale", false).put("official", true).put("submitted_at", at.toString());
    r.set("user", user(who));
    reviews.get(pull).add(r);
    return r;
  }

  public ObjectNode addComment(int number, String who, Instant at, String body) {
    boolean pull = pulls.containsKey(number);
    String url = BASE + "/" + name + (pull ? "/pulls/" : "/issues/") + number;
    ObjectNode c = Json.mapper().createObjectNode().put("id", ++nextId).put("html_url", url + "#issuecomment-" + nextId)
        .put("pull_request_url", pull ? url : "").put("issue_url", pull ? "" : url).put("body", body)
        .put("created_at", at.toString()).put("updated_at", at.toString());
    c.set("user", user(who));
    comments.add(c);
    ObjectNode owner = pull ? pulls.get(number) : issues.get(number);
    owner.put("comments", owner.path("comments").asInt() + 1).put("updated_at", at.toString());
    return c;
  }

  /** Records that {@code actor} assigned {@code login} to issue {@code number} at {@code at} (or removed it), as Gitea's timeline shows it. */
  public ObjectNode assign(int number, String actor, String login, Instant at, boolean removed) {
    ObjectNode e = Json.mapper().createObjectNode().put("id", ++nextId).put("type", "assignees").put("body", "")
        .put("removed_assignee", removed).put("issue_url", BASE + "/" + name + "/issues/" + number)
        .put("created_at", at.toString()).put("updated_at", at.toString());
    e.set("user", user(actor));
    e.set("assignee", user(login));
    events.add(e);
    return e;
  }

  /** The timeline of issue {@code n}: its comments (type comment) and assignments, oldest first. */
  private Stream<ObjectNode> timeline(int n) {
    Stream<ObjectNode> said = comments.stream().filter(c -> number(c) == n).map(c -> c.deepCopy().put("type", "comment"));
    return Stream.concat(said, events.stream().filter(e -> number(e) == n))
        .sorted(Comparator.comparing((ObjectNode e) -> e.path("created_at").asText()));
  }

  private static int number(ObjectNode c) {
    return GiteaMapping.conversationNumber(Json.mapper().convertValue(c, GiteaWire.Comment.class));
  }

  /** The issue view of a number: the issue, or the pull's conversation with pull_request meta. */
  ObjectNode issueView(int n) {
    if (issues.containsKey(n)) return issues.get(n);
    ObjectNode p = pulls.get(n);
    if (p == null) return null;
    ObjectNode i = Json.mapper().createObjectNode();
    for (String f : List.of("id", "number", "title", "body", "state", "comments", "created_at", "updated_at", "closed_at",
        "user", "labels", "assignees", "html_url")) {
      i.set(f, p.get(f));
    }
    i.put("url", BASE + "/api/v1/repos/" + name + "/issues/" + n);
    i.set("pull_request", Json.mapper().createObjectNode().put("draft", p.path("draft").asBoolean())
        .put("merged", p.path("merged").asBoolean()).put("html_url", p.path("html_url").asText()));
    return i;
  }

  private Stream<ObjectNode> allIssueViews() {
    List<Integer> numbers = new ArrayList<>(issues.keySet());
    numbers.addAll(pulls.keySet());
    return numbers.stream().map(this::issueView);
  }

  MockResponse handle(RecordedRequest r, String rest) throws IOException {
    String m = r.getMethod();
    Matcher x;
    if (m.equals("GET") && rest.equals("/issues")) return listIssues(r);
    if (m.equals("POST") && rest.equals("/issues")) return createIssue(body(r));
    if (m.equals("GET") && rest.equals("/issues/comments")) {
      return server.page(r, comments.stream().filter(c -> since(r, c)));
    }
    if (m.equals("GET") && rest.equals("/pulls")) return listPulls(r);
    if (m.equals("GET") && rest.equals("/labels")) return server.page(r, labels.stream());
    if (m.equals("POST") && rest.equals("/labels")) {
      ObjectNode l = label(body(r).path("name").asText());
      l.put("color", body(r).path("color").asText());
      return server.json(201, l);
    }
    if ((x = match("^/issues/(\\d+)$", rest)) != null) return issue(r, Integer.parseInt(x.group(1)));
    if ((x = match("^/issues/(\\d+)/comments$", rest)) != null) return issueComments(r, Integer.parseInt(x.group(1)));
    if ((x = match("^/issues/(\\d+)/timeline$", rest)) != null && m.equals("GET")) {
      int n = Integer.parseInt(x.group(1));
      String before = r.getUrl().queryParameter("before");
      return issueView(n) == null ? FakeGitea.error(404, "issue does not exist") : server.page(r, timeline(n)
          .filter(e -> before == null || Instant.parse(e.path("updated_at").asText()).isBefore(Instant.parse(before))));
    }
    if ((x = match("^/issues/(\\d+)/labels$", rest)) != null && m.equals("POST")) {
      return addLabels(Integer.parseInt(x.group(1)), body(r));
    }
    if ((x = match("^/issues/(\\d+)/labels/(\\d+)$", rest)) != null && m.equals("DELETE")) {
      return removeLabel(Integer.parseInt(x.group(1)), Long.parseLong(x.group(2)));
    }
    if ((x = match("^/pulls/(\\d+)$", rest)) != null && m.equals("GET")) return found(pulls.get(Integer.parseInt(x.group(1))));
    if ((x = match("^/pulls/(\\d+)/reviews$", rest)) != null) {
      List<ObjectNode> rs = reviews.get(Integer.parseInt(x.group(1)));
      return rs == null ? FakeGitea.error(404, "pull not found") : server.page(r, rs.stream());
    }
    if ((x = match("^/pulls/(\\d+)/merge$", rest)) != null && m.equals("POST")) return merge(Integer.parseInt(x.group(1)), body(r));
    if ((x = match("^/commits/([^/]+)/status$", rest)) != null) {
      ObjectNode s = statuses.get(x.group(1));
      return server.json(200, s != null ? s : Json.mapper().createObjectNode().put("state", "").put("total_count", 0));
    }
    if ((x = match("^/branches/(.+)$", rest)) != null) return branch(m, x.group(1));
    return FakeGitea.error(404, "no route " + m + " " + rest);
  }

  private MockResponse listIssues(RecordedRequest r) {
    String state = r.getUrl().queryParameter("state") == null ? "open" : r.getUrl().queryParameter("state");
    String type = r.getUrl().queryParameter("type");
    String author = r.getUrl().queryParameter("created_by");
    return server.page(r, allIssueViews()
        .filter(i -> author == null || i.path("user").path("login").asText().equals(author))
        .filter(i -> state.equals("all") || i.path("state").asText().equals(state))
        .filter(i -> type == null || (type.equals("issues") == i.path("pull_request").isNull()))
        .filter(i -> since(r, i))
        .sorted(FakeGitea.newestFirst("created_at")));
  }

  private MockResponse listPulls(RecordedRequest r) {
    String state = r.getUrl().queryParameter("state") == null ? "open" : r.getUrl().queryParameter("state");
    String sort = r.getUrl().queryParameter("sort");
    Comparator<ObjectNode> order = "recentupdate".equals(sort) ? FakeGitea.newestFirst("updated_at")
        : "recentclose".equals(sort) ? FakeGitea.newestFirst("closed_at") : FakeGitea.newestFirst("created_at");
    return server.page(r, pulls.values().stream()
        .filter(p -> state.equals("all") || p.path("state").asText().equals(state)).sorted(order));
  }

  private MockResponse issue(RecordedRequest r, int n) throws IOException {
    ObjectNode view = issueView(n);
    if (view == null) return FakeGitea.error(404, "issue does not exist [id: 0, repo_id: 0, index: " + n + "]");
    if (r.getMethod().equals("GET")) return server.json(200, view);
    ObjectNode target = issues.containsKey(n) ? issues.get(n) : pulls.get(n);
    JsonNode edit = body(r);
    if (edit.has("state")) target.put("state", edit.get("state").asText());
    if (edit.has("assignees")) {
      List<String> before = new ArrayList<>();
      target.path("assignees").forEach(a -> before.add(a.path("login").asText()));
      ArrayNode as = target.putArray("assignees");
      for (JsonNode a : edit.get("assignees")) {
        as.add(user(a.asText()));
        if (!before.remove(a.asText())) assign(n, FakeGitea.TIMMY, a.asText(), server.now, false);
      }
      for (String gone : before) assign(n, FakeGitea.TIMMY, gone, server.now, true);
    }
    target.put("updated_at", server.now.toString());
    return server.json(201, issueView(n));
  }

  private MockResponse issueComments(RecordedRequest r, int n) throws IOException {
    if (issueView(n) == null) return FakeGitea.error(404, "issue does not exist");
    if (r.getMethod().equals("POST")) return server.json(201, addComment(n, "timmy", server.now, body(r).path("body").asText()));
    ArrayNode out = Json.mapper().createArrayNode();
    comments.stream().filter(c -> number(c) == n).forEach(out::add);
    return server.json(200, out);
  }

  private MockResponse addLabels(int n, JsonNode body) {
    ObjectNode target = issues.containsKey(n) ? issues.get(n) : pulls.get(n);
    if (target == null) return FakeGitea.error(404, "issue does not exist");
    ArrayNode ls = (ArrayNode) target.get("labels");
    for (JsonNode id : body.path("labels")) {
      // Gitea takes ids or names; an unknown name is dropped silently, an unknown id is an error.
      ObjectNode l = labels.stream().filter(x -> id.isTextual() ? x.path("name").asText().equals(id.asText())
          : x.path("id").asLong() == id.asLong()).findFirst().orElse(null);
      if (l == null && id.isTextual()) continue;
      if (l == null) return FakeGitea.error(422, "label " + id + " does not exist");
      boolean has = false;
      for (JsonNode e : ls) has |= e.path("id").asLong() == l.path("id").asLong();
      if (!has) ls.add(l);
    }
    target.put("updated_at", server.now.toString());
    return server.json(200, ls);
  }

  private MockResponse removeLabel(int n, long id) {
    ObjectNode target = issues.containsKey(n) ? issues.get(n) : pulls.get(n);
    if (target == null) return FakeGitea.error(404, "issue does not exist");
    ArrayNode ls = (ArrayNode) target.get("labels");
    for (int i = 0; i < ls.size(); i++) {
      if (ls.get(i).path("id").asLong() == id) {
        ls.remove(i);
        target.put("updated_at", server.now.toString());
        return server.empty(204);
      }
    }
    return FakeGitea.error(422, "label not attached");
  }

  private MockResponse createIssue(JsonNode body) {
    int n = Stream.concat(issues.keySet().stream(), pulls.keySet().stream()).mapToInt(i -> i).max().orElse(0) + 1;
    ObjectNode i = addIssue(n, body.path("title").asText(), "timmy", server.now);
    i.put("body", body.path("body").asText()).put("created_at", server.now.toString());
    return server.json(201, i);
  }

  private MockResponse merge(int n, JsonNode body) {
    ObjectNode p = pulls.get(n);
    if (p == null) return FakeGitea.error(404, "pull not found");
    if (p.path("merged").asBoolean()) return FakeGitea.error(405, "The PR is already merged");
    if (body.hasNonNull("head_commit_id") && !body.get("head_commit_id").asText().equals(p.path("head").path("sha").asText())) {
      return FakeGitea.error(409, "head out of date");
    }
    p.put("merged", true).put("state", "closed").put("updated_at", server.now.toString());
    return server.empty(200);
  }

  private MockResponse branch(String method, String encoded) {
    String name = java.net.URLDecoder.decode(encoded, java.nio.charset.StandardCharsets.UTF_8);
    String sha = branches.get(name);
    if (sha == null) return FakeGitea.error(404, "branch does not exist [name: " + name + "]");
    if (method.equals("DELETE")) {
      branches.remove(name);
      return server.empty(204);
    }
    ObjectNode b = Json.mapper().createObjectNode().put("name", name).put("protected", protection.containsKey(name));
    if (protection.containsKey(name)) b.setAll(protection.get(name));
    b.putObject("commit").put("id", sha).put("message", "work");
    return server.json(200, b);
  }

  private MockResponse found(ObjectNode n) {
    return n == null ? FakeGitea.error(404, "The target couldn't be found.") : server.json(200, n);
  }

  private static boolean since(RecordedRequest r, JsonNode item) {
    String since = r.getUrl().queryParameter("since");
    return since == null || !Instant.parse(item.path("updated_at").asText()).isBefore(Instant.parse(since));
  }

  private static JsonNode body(RecordedRequest r) throws IOException {
    return r.getBody() == null || r.getBody().size() == 0 ? Json.mapper().createObjectNode()
        : Json.mapper().readTree(r.getBody().utf8());
  }

  private static Matcher match(String regex, String s) {
    Matcher m = Pattern.compile(regex).matcher(s);
    return m.find() ? m : null;
  }
}
