package dev.timmy.api;

import dev.timmy.decide.DecisionDiff;
import dev.timmy.decide.ProposalItem;
import dev.timmy.facts.Agent;
import dev.timmy.facts.Snapshot;
import dev.timmy.journal.SubjectHistory;

/**
 * The API's answers as values, for front ends other than HTTP routes (the MCP tools): the same
 * functions the routes call, on the same {@link Backend}, with the same {@link ApiException}s and
 * codes when they cannot answer.
 */
public final class Answers {
  private final Backend b;
  private final Admin admin;
  private final ExplainRoutes explain;
  private final HouseRoutes house;

  public Answers(Backend backend) {
    this.b = backend;
    this.admin = new Admin(backend.secrets());
    this.explain = new ExplainRoutes(backend);
    this.house = new HouseRoutes(backend);
  }

  /** As {@code GET /api/explain?subject=…&cycles=…}. */
  public Wire.Explained explain(String subject, int cycles) {
    return explain.explained(subject, cycles);
  }

  /** As {@code GET /api/agents}. */
  public Wire.Agents agents() {
    return house.agents();
  }

  /** As {@code GET /api/house}. */
  public Wire.House house() {
    return house.house();
  }

  /** As {@code POST /api/simulate} (the caller checks the admin token first: {@link #requireAdmin}). */
  public DecisionDiff simulate(Wire.SimulateRequest request) {
    return Simulation.run(b.rules(), latest().snapshot(), request);
  }

  /** The subject in the journal's last {@code cycles} cycles that mention it. */
  public SubjectHistory history(String subject, int cycles) {
    return b.journal().history(subject, cycles);
  }

  /** The latest decided cycle, or a 409 {@code no_snapshot}. */
  public Latest.Decided latest() {
    return b.latest().require();
  }

  /** A 401 {@code unauthorized} saying why, unless {@code authorization} is {@code Bearer <admin token>}. */
  public void requireAdmin(String authorization) {
    admin.require(authorization);
  }

  /** The title of an issue or pull request in the snapshot, null for any other subject. */
  public static String title(Snapshot s, String subject) {
    return Catalog.title(s, subject);
  }

  /** The subject the rules use for an agent ({@code agent:NAME}). */
  public static String subject(Agent a) {
    return Catalog.agent(a);
  }

  /** True when the proposal hands work to the agent or names it (as {@code GET /api/agents} counts it). */
  public static boolean addressedTo(ProposalItem p, Agent a) {
    return HouseRoutes.addressedTo(p, a);
  }
}
