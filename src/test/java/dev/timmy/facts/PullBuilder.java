package dev.timmy.facts;

import java.time.Instant;
import java.util.List;

/**
 * A {@link PullRequest} for tests, built by naming what matters to the test: open, mergeable, not
 * draft, CI green, by kimi-code from {@code branch-N} onto {@code main} at head {@code shaN}, no
 * reviews, labels or assignees, closing no issue, created and updated at {@code at}.
 */
public final class PullBuilder {
  private final String repo;
  private final int number;
  private String title;
  private String author = "kimi-code";
  private String state = "open";
  private boolean merged;
  private String headRef;
  private String baseRef = "main";
  private String headSha;
  private boolean draft;
  private boolean mergeable = true;
  private CiState ci = CiState.SUCCESS;
  private List<String> ciFailing = List.of();
  private List<String> approvedBy = List.of();
  private List<String> changesRequestedBy = List.of();
  private List<String> labels = List.of();
  private List<String> assignees = List.of();
  private int linkedIssue;
  private Instant createdAt;
  private Instant updatedAt;

  private PullBuilder(String repo, int number, Instant at) {
    this.repo = repo;
    this.number = number;
    this.title = "pull " + number;
    this.headRef = "branch-" + number;
    this.headSha = "sha" + number;
    this.createdAt = at;
    this.updatedAt = at;
  }

  public static PullBuilder pull(String repo, int number, Instant at) {
    return new PullBuilder(repo, number, at);
  }

  public PullBuilder title(String v) { title = v; return this; }
  public PullBuilder author(String v) { author = v; return this; }
  public PullBuilder state(String v) { state = v; return this; }
  public PullBuilder merged(boolean v) { merged = v; return this; }
  public PullBuilder head(String ref, String sha) { headRef = ref; headSha = sha; return this; }
  public PullBuilder sha(String v) { headSha = v; return this; }
  public PullBuilder base(String v) { baseRef = v; return this; }
  public PullBuilder draft(boolean v) { draft = v; return this; }
  public PullBuilder mergeable(boolean v) { mergeable = v; return this; }
  public PullBuilder ci(CiState v, String... failing) { ci = v; ciFailing = List.of(failing); return this; }
  public PullBuilder approvedBy(String... v) { approvedBy = List.of(v); return this; }
  public PullBuilder approvedBy(List<String> v) { approvedBy = v; return this; }
  public PullBuilder changesRequestedBy(String... v) { changesRequestedBy = List.of(v); return this; }
  public PullBuilder changesRequestedBy(List<String> v) { changesRequestedBy = v; return this; }
  public PullBuilder labels(String... v) { labels = List.of(v); return this; }
  public PullBuilder assignees(String... v) { assignees = List.of(v); return this; }
  public PullBuilder closes(int issue) { linkedIssue = issue; return this; }
  public PullBuilder created(Instant v) { createdAt = v; return this; }
  public PullBuilder updated(Instant v) { updatedAt = v; return this; }

  public PullRequest build() {
    return new PullRequest(repo, number, title, author, state, merged, headRef, baseRef, headSha, draft, mergeable, ci,
        ciFailing, approvedBy, changesRequestedBy, labels, assignees, linkedIssue, createdAt, updatedAt);
  }
}
