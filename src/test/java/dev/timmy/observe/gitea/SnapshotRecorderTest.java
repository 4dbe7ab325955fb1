package dev.timmy.observe.gitea;

import dev.timmy.gitea.FakeGitea;
import dev.timmy.gitea.FakeRepo;
import dev.timmy.gitea.GiteaTestServer;
import dev.timmy.gitea.SwaggerSpec;
import dev.timmy.gitea.TestClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.Json;
import dev.timmy.derive.Derive;
import dev.timmy.facts.Owner;
import dev.timmy.facts.Snapshot;
import dev.timmy.observe.Backlog;
import dev.timmy.observe.DemoHouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotRecorderTest {
  static final Path DEMO = Path.of("fixtures/demo");
  static final Instant T = Instant.parse("2026-11-23T09:00:00Z");

  @Test
  void recording_the_demo_backlog_and_loading_it_again_gives_the_same_snapshot(@TempDir Path out) throws IOException {
    DemoHouse.Settings s = DemoHouse.settings(DEMO);
    Backlog backlog = DemoHouse.backlog(DEMO);
    new SnapshotRecorder("http://hermes.local:3000").write(out, s.now(), s.owner(), s.timmyLogin(), s.repos(), DemoHouse.agents(DEMO), backlog);
    Snapshot original = Derive.from(DemoHouse.load(DEMO));
    Snapshot replayed = Derive.from(DemoHouse.load(out));
    assertEquals(original.takenAt(), replayed.takenAt());
    assertEquals(original.owner(), replayed.owner());
    assertEquals(original.agents(), replayed.agents());
    assertEquals(original.issues(), replayed.issues());
    assertEquals(original.pulls(), replayed.pulls());
    assertEquals(original.comments(), replayed.comments());
    // the recording holds the backlog, not the host: compare what the backlog says of each agent
    assertEquals(original.loads().stream().map(l -> l.agent() + l.assigned() + l.lastActivityAt()).toList(),
        replayed.loads().stream().map(l -> l.agent() + l.assigned() + l.lastActivityAt()).toList());
  }

  @Test
  void a_live_backlog_recorded_replays_offline_with_its_ci_states_and_reviews(@TempDir Path out) throws IOException {
    Backlog live;
    try (GiteaTestServer t = new GiteaTestServer()) {
      t.gitea.now = T;
      FakeRepo repo = t.gitea.repo("sam/tool");
      repo.addIssue(1, "crash", "sam", T.minus(Duration.ofDays(3)), "bug", "p1");
      repo.addIssue(2, "idea", "sam", T.minus(Duration.ofDays(30)), "feature");
      repo.addComment(1, "kimi-code", T.minus(Duration.ofDays(1)), "on it <!-- timmy:COMMENT:sam/tool#1:topic=x -->");
      repo.addPull(3, "fix", "kimi-code", T.minus(Duration.ofHours(3)), "aaa", "failure");
      repo.addPull(4, "wip", "sam", T.minus(Duration.ofHours(3)), "bbb", "pending");
      repo.addPull(5, "no ci", "sam", T.minus(Duration.ofHours(3)), "ccc", "success");
      repo.statuses.remove("ccc");
      repo.addReview(3, "claude-code", "APPROVED", T.minus(Duration.ofHours(2)));
      repo.addReview(4, "claude-code", "REQUEST_CHANGES", T.minus(Duration.ofHours(2)));
      repo.addComment(3, "alex", T.minus(Duration.ofHours(1)), "do not merge");
      live = new GiteaSource(t.client(t.config(List.of("sam/tool"), false)), List.of("sam/tool"), Duration.ofHours(1),
          new TestClock(T)).read();
    }
    assertTrue(live.complete(), live.gaps().toString());
    new SnapshotRecorder("http://gitea.test").write(out, T, new Owner("sam", List.of("on-hold")), FakeGitea.TIMMY, List.of("sam/tool"),
        List.of(), live);
    Backlog replayed = DemoHouse.backlog(out);
    assertEquals(live.issues(), replayed.issues());
    assertEquals(live.pulls(), replayed.pulls());
    assertEquals(live.comments(), replayed.comments());
  }

  @Test
  void what_is_recorded_has_only_properties_of_the_gitea_schemas(@TempDir Path out) throws IOException {
    SwaggerSpec spec = SwaggerSpec.loadOrSkip();
    DemoHouse.Settings s = DemoHouse.settings(DEMO);
    new SnapshotRecorder("http://hermes.local:3000").write(out, s.now(), s.owner(), s.timmyLogin(), s.repos(), DemoHouse.agents(DEMO),
        DemoHouse.backlog(DEMO));
    List<String> problems = new ArrayList<>();
    for (String repo : s.repos()) {
      Path dir = DemoHouse.repoDir(out, repo);
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path f : walk.filter(p -> p.toString().endsWith(".json")).toList()) {
          problems.addAll(spec.problems(Json.mapper().readTree(f.toFile()),
              spec.responseSchema("get", FixtureSchemaTest.endpointOf(dir.relativize(f)), 200), f.toString()));
        }
      }
    }
    assertEquals(List.of(), problems);
  }
}
