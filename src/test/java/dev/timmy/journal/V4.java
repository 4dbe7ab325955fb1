package dev.timmy.journal;

import dev.timmy.decide.Decision;
import dev.timmy.decide.PriorityItem;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Writes a decision as a journal of schema step 4 did: every item a row of its own cycle, in the decision's order. */
final class V4 {
  private V4() {}

  static void decided(Path file, long cycleId, Decision d) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        PreparedStatement s = c.prepareStatement("INSERT INTO items(cycle_id, kind, subject, rule_id, body) VALUES (?, ?, ?, ?, ?)")) {
      for (PriorityItem p : d.priorities()) add(s, cycleId, ItemKind.PRIORITY, p.subject(), p.parts().get(0).ruleId(), p);
      for (var r : d.routes()) add(s, cycleId, ItemKind.ROUTE, r.subject(), r.ruleId(), r);
      for (var k : d.checks()) add(s, cycleId, ItemKind.CHECK, k.subject(), k.ruleId(), k);
      for (var e : d.escalations()) add(s, cycleId, ItemKind.ESCALATION, e.subject(), e.ruleId(), e);
      for (var p : d.proposals()) add(s, cycleId, ItemKind.PROPOSAL, p.subject(), p.ruleId(), p);
    }
  }

  private static void add(PreparedStatement s, long cycle, ItemKind kind, String subject, String rule, Object body)
      throws SQLException {
    s.setLong(1, cycle);
    s.setString(2, kind.name());
    s.setString(3, subject);
    s.setString(4, rule);
    s.setString(5, Journal.json(body));
    s.executeUpdate();
  }
}
