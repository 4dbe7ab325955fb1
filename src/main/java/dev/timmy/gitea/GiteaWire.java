package dev.timmy.gitea;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * Gitea 1.25 API wire types, one record per swagger definition Timmy reads or writes. Property
 * names are the spec's snake_case names; only the properties Timmy uses or records are declared
 * (the shared mapper ignores the rest). Nothing outside {@code observe.gitea} and {@code act.gitea}
 * should see these: {@link GiteaMapping} turns them into facts.
 */
public final class GiteaWire {
  private GiteaWire() {}

  /** Definition {@code User}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record User(
      long id,
      String login,
      @JsonProperty("full_name") String fullName,
      String email,
      @JsonProperty("avatar_url") String avatarUrl,
      @JsonProperty("html_url") String htmlUrl) {

    public static User of(long id, String login, String baseUrl) {
      return new User(id, login, "", login + "@noreply.localhost", baseUrl + "/avatars/" + login,
          baseUrl + "/" + login);
    }
  }

  /** Definition {@code Label}. */
  public record Label(
      long id, String name, String color, String description, boolean exclusive,
      @JsonProperty("is_archived") boolean archived, String url) {}

  /** Definition {@code Milestone}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Milestone(
      long id, String title, String description, String state,
      @JsonProperty("open_issues") int openIssues,
      @JsonProperty("closed_issues") int closedIssues,
      @JsonProperty("created_at") Instant createdAt,
      @JsonProperty("updated_at") Instant updatedAt,
      @JsonProperty("closed_at") Instant closedAt,
      @JsonProperty("due_on") Instant dueOn) {}

  /** Definition {@code PullRequestMeta}: present on an issue that is a pull request's conversation. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PullRequestMeta(
      boolean draft, boolean merged, @JsonProperty("merged_at") Instant mergedAt,
      @JsonProperty("html_url") String htmlUrl) {}

  /** Definition {@code RepositoryMeta}. */
  public record RepositoryMeta(long id, String name, String owner, @JsonProperty("full_name") String fullName) {}

  /** Definition {@code Repository}, reduced to what a branch info needs. */
  public record Repository(long id, String name, @JsonProperty("full_name") String fullName, User owner) {}

  /** Definition {@code Issue}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Issue(
      long id,
      String url,
      @JsonProperty("html_url") String htmlUrl,
      long number,
      User user,
      String title,
      String body,
      List<Label> labels,
      Milestone milestone,
      User assignee,
      List<User> assignees,
      String state,
      int comments,
      @JsonProperty("created_at") Instant createdAt,
      @JsonProperty("updated_at") Instant updatedAt,
      @JsonProperty("closed_at") Instant closedAt,
      @JsonProperty("pull_request") PullRequestMeta pullRequest,
      RepositoryMeta repository) {}

  /** Definition {@code PRBranchInfo}: one side (head or base) of a pull request. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PRBranchInfo(
      String label, String ref, String sha, @JsonProperty("repo_id") long repoId, Repository repo) {}

  /** Definition {@code PullRequest}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PullRequest(
      long id,
      String url,
      long number,
      User user,
      String title,
      String body,
      List<Label> labels,
      Milestone milestone,
      User assignee,
      List<User> assignees,
      String state,
      boolean draft,
      int comments,
      @JsonProperty("html_url") String htmlUrl,
      boolean mergeable,
      boolean merged,
      @JsonProperty("merged_at") Instant mergedAt,
      @JsonProperty("merge_commit_sha") String mergeCommitSha,
      PRBranchInfo base,
      PRBranchInfo head,
      @JsonProperty("merge_base") String mergeBase,
      @JsonProperty("created_at") Instant createdAt,
      @JsonProperty("updated_at") Instant updatedAt,
      @JsonProperty("closed_at") Instant closedAt) {}

  /** Definition {@code Comment}; exactly one of issue_url / pull_request_url names its conversation. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Comment(
      long id,
      @JsonProperty("html_url") String htmlUrl,
      @JsonProperty("pull_request_url") String pullRequestUrl,
      @JsonProperty("issue_url") String issueUrl,
      User user,
      String body,
      @JsonProperty("created_at") Instant createdAt,
      @JsonProperty("updated_at") Instant updatedAt) {}

  /**
   * Definition {@code TimelineComment}: one event of an issue's timeline. {@code type} "comment" is
   * a comment ({@code user}, {@code body}); "assignees" an assignment of {@code assignee}, or its
   * removal when {@code removed_assignee}.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TimelineComment(
      long id,
      String type,
      User user,
      String body,
      User assignee,
      @JsonProperty("removed_assignee") boolean removedAssignee,
      @JsonProperty("created_at") Instant createdAt) {}

  /** Definition {@code PullReview}; state is a {@code ReviewStateType} (APPROVED, REQUEST_CHANGES, ...). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PullReview(
      long id,
      User user,
      String state,
      String body,
      @JsonProperty("commit_id") String commitId,
      boolean stale,
      boolean official,
      boolean dismissed,
      @JsonProperty("comments_count") int commentsCount,
      @JsonProperty("submitted_at") Instant submittedAt,
      @JsonProperty("updated_at") Instant updatedAt,
      @JsonProperty("html_url") String htmlUrl,
      @JsonProperty("pull_request_url") String pullRequestUrl) {}

  /** Definition {@code CommitStatus}: one context's latest status. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CommitStatus(
      long id,
      String status,
      @JsonProperty("target_url") String targetUrl,
      String description,
      String url,
      String context,
      User creator,
      @JsonProperty("created_at") Instant createdAt,
      @JsonProperty("updated_at") Instant updatedAt) {}

  /** Definition {@code CombinedStatus} of a commit. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CombinedStatus(
      String state,
      String sha,
      @JsonProperty("total_count") int totalCount,
      List<CommitStatus> statuses,
      @JsonProperty("commit_url") String commitUrl,
      String url) {}

  /** Definition {@code PayloadCommit}, reduced to the commit id and message. */
  public record PayloadCommit(String id, String message) {}

  /** Definition {@code Branch}. */
  public record Branch(
      String name, PayloadCommit commit, @JsonProperty("protected") boolean protectedBranch,
      @JsonProperty("enable_status_check") boolean statusCheck,
      @JsonProperty("status_check_contexts") List<String> statusCheckContexts,
      @JsonProperty("required_approvals") long requiredApprovals) {}

  // Request bodies (the spec's *Option definitions); null fields are left out.

  /** Definition {@code CreateIssueCommentOption}. */
  public record CreateIssueCommentOption(String body) {}

  /** Definition {@code EditIssueOption}, the parts Timmy changes. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record EditIssueOption(String state, List<String> assignees) {}

  /** Definition {@code IssueLabelsOption}: label ids, or label names (Gitea takes either kind, not both at once). */
  public record IssueLabelsOption(List<?> labels) {
    public static IssueLabelsOption ids(List<Long> ids) {
      return new IssueLabelsOption(List.copyOf(ids));
    }

    public static IssueLabelsOption names(List<String> names) {
      return new IssueLabelsOption(List.copyOf(names));
    }
  }

  /** Definition {@code CreateLabelOption}. */
  public record CreateLabelOption(String name, String color, String description) {}

  /** Definition {@code CreateIssueOption}, the parts Timmy sets. */
  public record CreateIssueOption(String title, String body) {}

  /** Definition {@code MergePullRequestOption}; {@code head_commit_id} makes Gitea refuse a moved head. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record MergePullRequestOption(
      @JsonProperty("Do") String method,
      @JsonProperty("head_commit_id") String headCommitId,
      @JsonProperty("MergeMessageField") String message) {}

  /** Gitea's error body ({@code APIError} / {@code responses/error}). */
  public record ApiError(String message, String url) {}
}
