package dev.timmy.decide;

import dev.timmy.facts.Subjects;

/**
 * An agent's one state as the rules derived it (agents.drl), with the reasons in words: Java reads
 * {@link #state()}, never the sentence. The rule that derives it also inserts {@link #check()}, so
 * the explanation checklist of {@code agent:<name>} shows it beside the other checks.
 */
public record AgentState(String agent, State state, String reasons) {
  /** OFFLINE: cannot work now; IDLE: nothing in flight; BUSY: some work moves; STUCK: none does. */
  public enum State {
    OFFLINE, IDLE, BUSY, STUCK;

    /** True while the agent can take work: IDLE and BUSY. */
    public boolean ok() {
      return this == IDLE || this == BUSY;
    }
  }

  /** The name of the check each state also is. */
  public static final String CHECK = "state";

  public static AgentState offline(String agent, String reasons) {
    return new AgentState(agent, State.OFFLINE, reasons);
  }

  public static AgentState idle(String agent, String reasons) {
    return new AgentState(agent, State.IDLE, reasons);
  }

  /** BUSY while some of its work moves, STUCK when none does. */
  public static AgentState inFlight(String agent, boolean moving, String reasons) {
    return new AgentState(agent, moving ? State.BUSY : State.STUCK, reasons);
  }

  public String subject() {
    return Subjects.agent(agent);
  }

  /** The state as a named check: {@code state}, ok for IDLE and BUSY, its detail {@code "STATE: reasons"}. */
  public Check check() {
    return new Check(subject(), CHECK, state.ok(), state + ": " + reasons);
  }
}
