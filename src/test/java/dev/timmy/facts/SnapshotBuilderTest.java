package dev.timmy.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.derive.Derive;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotBuilderTest {
  private static final Instant T = Instant.parse("2026-11-23T09:00:00Z");
  private final Issue issue = new Issue("alex/x", 1, "one", "", List.of(), "alex", List.of("kimi-code"), "open", T, T, T,
      "alex", 0, false, "", null);

  @Test
  void a_built_snapshot_is_complete_and_empty_but_for_what_was_named() {
    Snapshot s = Snapshot.builder(T).issues(List.of(issue)).build();
    assertEquals(T, s.takenAt());
    assertTrue(s.complete());
    assertEquals(List.of(issue), s.issues());
    assertEquals(List.of(), s.gaps());
    assertNull(s.host());
    assertEquals(History.none(), s.history());
    assertEquals(List.of(), s.loads(), "build derives nothing");
  }

  @Test
  void to_builder_keeps_every_part_and_changes_only_the_named_ones() {
    Snapshot s = Derive.from(Snapshot.builder(T).issues(List.of(issue)).agents(List.of(new Agent("kimi", AgentKind.KIMI, "kimi-code",
        "kimi-ready", List.of(), List.of(), 2, List.of(), true))).build()).withUnreadRepo("alex/y");
    assertEquals(s, s.toBuilder().build());
    Snapshot later = s.toBuilder().takenAt(T.plusSeconds(60)).build();
    assertEquals(T.plusSeconds(60), later.takenAt());
    assertEquals(1, later.loads().get(0).openAssignments(), "the loads derived before are kept");
    assertEquals(s.loads(), later.loads());
    assertFalse(later.complete());
    assertEquals(List.of("alex/y"), later.unreadRepos());
  }
}
