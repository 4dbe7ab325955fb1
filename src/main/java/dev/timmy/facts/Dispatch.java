package dev.timmy.facts;

import java.time.Instant;

/**
 * Work given to an agent, as the history of the issue a pull request closes shows it: Gitea's
 * assignment of {@code login}, or Timmy's own routing note naming {@code agent} (a note only Timmy's
 * login can make, see {@link TimmyNote}). The other of the two is {@code ""}.
 */
public record Dispatch(String login, String agent, Instant at) {
  public Dispatch {
    login = login == null ? "" : login;
    agent = agent == null ? "" : agent;
  }

  /** True when this gave the work to {@code a}: its login was assigned or Timmy routed it to its name. */
  public boolean to(Agent a) {
    return (!login.isEmpty() && login.equalsIgnoreCase(a.login())) || (!agent.isEmpty() && agent.equalsIgnoreCase(a.name()));
  }
}
