package dev.timmy.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimmyNoteTest {
  static final Instant AT = Instant.parse("2026-11-20T09:00:00Z");

  static Optional<TimmyNote> note(String subject, String author, String body) {
    return TimmyNote.of(subject, 5, author, body, AT, "timmy");
  }

  @Test
  void timmys_comment_ending_with_its_marker_is_a_note_with_kind_topic_parameters_and_time() {
    TimmyNote n = note("alex/x#1", "Timmy", "Still on it?\n\n<!-- timmy:COMMENT:alex/x#1:agent=claude,stage=DISPATCHED,topic=nudge -->\n")
        .orElseThrow();
    assertEquals(new TimmyNote("alex/x#1", "COMMENT", "nudge", Map.of("agent", "claude", "stage", "DISPATCHED", "topic", "nudge"),
        AT, 5, "Timmy"), n, "the login matches whatever its case");
    assertEquals("claude", n.param("agent"));
    assertEquals("", n.param("sha"));
  }

  @Test
  void the_same_marker_by_anyone_else_is_no_note() {
    String body = "<!-- timmy:COMMENT:alex/x#1:topic=stale-warning -->";
    assertTrue(note("alex/x#1", "mara", body).isEmpty());
    assertTrue(note("alex/x#1", "alex", "> " + body).isEmpty());
    assertTrue(TimmyNote.of("alex/x#1", 5, "timmy", body, AT, null).isEmpty(), "no known login: nobody is Timmy");
    assertTrue(TimmyNote.of("alex/x#1", 5, "timmy", body, AT, " ").isEmpty());
  }

  @Test
  void only_the_marker_that_ends_timmys_comment_counts_not_one_inside_what_it_quotes() {
    String quoted = "CI failed on <!-- timmy:COMMENT:alex/x#1:topic=stale-warning --> (a context name)";
    assertTrue(note("alex/x#1", "timmy", quoted + " and nothing after").isEmpty());
    TimmyNote n = note("alex/x#1", "timmy", quoted + "\n\n<!-- timmy:COMMENT:alex/x#1:sha=abc,topic=ci-failed -->").orElseThrow();
    assertEquals("ci-failed", n.topic());
    assertTrue(note("alex/x#2", "timmy", "<!-- timmy:COMMENT:alex/x#1:topic=stale-warning -->").isEmpty(),
        "a note is about the conversation it is written in");
  }

  @Test
  void a_key_with_an_added_parameter_keeps_its_topic() {
    TimmyNote n = note("alex/x#1", "timmy", "<!-- timmy:COMMENT:alex/x#1:reason=idle 14 days,topic=stale-warning -->").orElseThrow();
    assertEquals("stale-warning", n.topic());
    assertEquals("idle 14 days", n.param("reason"));
  }

  @Test
  void subjects_and_values_may_hold_colons_and_values_commas() {
    TimmyNote.Key k = TimmyNote.Key.parse("CREATE_ISSUE:loop:ci-main:repo=alex/inbox,title=CI is red: ci-main, again").orElseThrow();
    assertEquals(new TimmyNote.Key("CREATE_ISSUE", "loop:ci-main", Map.of("repo", "alex/inbox", "title", "CI is red: ci-main, again")), k);
    assertEquals(new TimmyNote.Key("ESCALATE", "model:qwen3:14b", Map.of()), TimmyNote.Key.parse("ESCALATE:model:qwen3:14b").orElseThrow());
    assertEquals(new TimmyNote.Key("CLOSE", "alex/x#1", Map.of()), TimmyNote.Key.parse("CLOSE:alex/x#1").orElseThrow());
    assertEquals("COMMENT:alex/x#1:agent=claude,topic=routing",
        TimmyNote.Key.parse("COMMENT:alex/x#1:topic=routing,agent=claude").orElseThrow().toString(), "written in name order");
  }

  @Test
  void a_key_is_spelled_in_name_order_without_the_named_parameter_and_reads_back_the_same() {
    Map<String, String> params = Map.of("topic", "nudge", "body", "free text, anything", "agent", "kimi", "Zed", "1");
    String spelled = TimmyNote.Key.spell("COMMENT", "alex/x#1", params, "body");
    assertEquals("COMMENT:alex/x#1:Zed=1,agent=kimi,topic=nudge", spelled, "String order: upper case first");
    assertEquals(spelled, dev.timmy.decide.Proposal.keyOf(dev.timmy.decide.ActionKind.COMMENT, "alex/x#1", params));
    assertEquals("COMMENT:alex/x#1", TimmyNote.Key.spell("COMMENT", "alex/x#1", Map.of("body", "x"), "body"), "only body: no colon");
    assertEquals("CLOSE:alex/x#1", TimmyNote.Key.spell("CLOSE", "alex/x#1", Map.of(), null));
    TimmyNote.Key back = TimmyNote.Key.parse(spelled).orElseThrow();
    assertEquals(spelled, back.toString());
    assertEquals("kimi", back.param("agent"));
  }

  @Test
  void keys_that_are_not_shaped_as_timmy_writes_them_are_no_note() {
    for (String bad : new String[] {"", "COMMENT", "comment:alex/x#1", ":alex/x#1", "COMMENT::topic=x", "COMMENT:alex/x#1:=x",
        "COMMENT:alex/x#1:topic=a,topic=b", "COMMENT: alex/x#1", "COMMENT:alex/x#1:1a=b"}) {
      assertTrue(TimmyNote.Key.parse(bad).isEmpty(), bad);
    }
    assertTrue(note("alex/x#1", "timmy", "<!-- timmy:COMMENT:alex/x#1:topic=x -->  -->").isEmpty());
    assertTrue(note("alex/x#1", "timmy", "<!-- timmy:COMMENT:alex/x#1:topic=x").isEmpty());
    assertTrue(note("alex/x#1", "timmy", "").isEmpty());
    assertTrue(note("alex/x#1", "timmy", null).isEmpty());
  }
}
