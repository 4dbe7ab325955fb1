package dev.timmy.act.gitea;

import dev.timmy.act.ActionRefused;
import dev.timmy.decide.ProposalItem;

/**
 * The words and the place of an ESCALATE: a comment on the subject when it is an issue or a pull,
 * else an issue in the escalation repository. Both mention Alex, so Gitea notifies him, and say
 * which rule raised it, so he can find the why in Timmy's explanation.
 */
final class EscalationNote {
  private final String login;
  private final String repo;

  /** {@code login} Alex's Gitea login, {@code repo} the escalation repository; either may be null. */
  EscalationNote(String login, String repo) {
    this.login = login == null || login.isBlank() ? null : login.strip();
    this.repo = repo;
  }

  /** Refuses what cannot be sent: no one to mention, or nowhere to put a house escalation. */
  void check(ProposalItem p) throws ActionRefused {
    if (login == null) {
      throw new ActionRefused("ESCALATE " + p.subject() + ": no owner login configured (owner.login), so there is no one to mention");
    }
    if (!onIssue(p) && repo == null) {
      throw new ActionRefused("ESCALATE " + p.subject() + ": no escalation repository configured (gitea.escalationRepo),"
          + " and the subject is not an issue to comment on");
    }
  }

  boolean onIssue(ProposalItem p) {
    return GiteaTarget.isIssueSubject(p.subject());
  }

  String login() {
    return login;
  }

  String repo() {
    return repo;
  }

  String comment(ProposalItem p) {
    return "@" + login + " Timmy needs you here: " + reason(p) + "\n\n" + raisedBy(p);
  }

  String title(ProposalItem p) {
    return "Timmy needs you: " + p.subject() + (p.title().isBlank() ? "" : " (" + p.title() + ")");
  }

  String issueBody(ProposalItem p) {
    return "@" + login + " " + p.subject() + ": " + reason(p) + "\n\n" + raisedBy(p)
        + " Close this issue once it is dealt with.";
  }

  private static String reason(ProposalItem p) {
    return p.param("body").isBlank() ? p.reason() : p.param("body");
  }

  private static String raisedBy(ProposalItem p) {
    return "Raised by rule " + p.ruleId() + (p.title().isBlank() ? "" : " (" + p.title() + ")") + "; Timmy sends this once.";
  }
}
