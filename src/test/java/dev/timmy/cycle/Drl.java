package dev.timmy.cycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tiny rule files for the cycle tests, independent of the real policy in rules/. */
final class Drl {
  private Drl() {}

  static final String HEADER = """
      package timmy.test;

      import dev.timmy.facts.Issue;
      import dev.timmy.decide.ActionKind;
      import dev.timmy.decide.Proposal;
      import dev.timmy.decide.ScorePart;
      """;

  /** Says hello on every open issue; p0 issues rank first. */
  static final String GREET = HEADER + """

      rule "Greet open issues"
        @id("T-001") @title("Say hello on every open issue")
      when
        $i : Issue( state == "open" )
      then
        insert(new Proposal(ActionKind.COMMENT, $i.subject(),
            java.util.Map.of("topic", "hello", "body", "Hello!"), "every open issue gets a hello"));
      end

      rule "Urgent first"
        @id("T-002") @title("p0 work ranks first")
      when
        $i : Issue( labels contains "p0" )
      then
        insert(new ScorePart($i.subject(), 50, "labelled p0"));
      end

      rule "Everything counts"
        @id("T-003") @title("Every open issue has some priority")
      when
        $i : Issue( state == "open" )
      then
        insert(new ScorePart($i.subject(), 1, "open"));
      end
      """;

  /** A rule that never settles: the firing limit must stop it. */
  static final String RUNAWAY = HEADER + """

      rule "Runaway"
        @id("T-900") @title("Never settles")
      when
        $i : Issue()
      then
        update($i);
      end
      """;

  /** A consequence that throws. */
  static final String THROWS = HEADER + """

      rule "Broken consequence"
        @id("T-901") @title("Throws")
      when
        $i : Issue()
      then
        if (true) throw new IllegalStateException("boom in a consequence");
      end
      """;

  /**
   * Held work and failing loops go to Alex, with a reason that changes every cycle (it names the
   * snapshot's time); issues labelled "chatty" also get a comment.
   */
  static final String ESCALATE = HEADER + """
      import dev.timmy.facts.AutomationLoop;
      import dev.timmy.facts.Clock;
      import dev.timmy.decide.Escalation;

      rule "Held work goes to Alex"
        @id("T-020") @title("Tell Alex about held work")
      when
        $c : Clock()
        $i : Issue( labels contains "on-hold" || labels contains "chatty" )
      then
        insert(new Escalation($i.subject(), "needs a decision (seen at " + $c.now() + ")"));
      end

      rule "Chatty issues get a comment"
        @id("T-021") @title("Comment on chatty issues")
      when
        $i : Issue( labels contains "chatty" )
      then
        insert(new Proposal(ActionKind.COMMENT, $i.subject(), java.util.Map.of("topic", "chat", "body", "Hi!"), "chatty"));
      end

      rule "Failing loops go to Alex"
        @id("T-022") @title("Tell Alex about a failing loop")
      when
        $c : Clock()
        $l : AutomationLoop( consecutiveFailures > 0 )
      then
        insert(new Escalation("loop:" + $l.name(), $l.consecutiveFailures() + " failures (seen at " + $c.now() + ")"));
      end
      """;

  static Path write(Path dir, String name, String text) throws IOException {
    Files.createDirectories(dir);
    return Files.writeString(dir.resolve(name), text);
  }
}
