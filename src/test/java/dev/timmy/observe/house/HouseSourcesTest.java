package dev.timmy.observe.house;

import dev.timmy.host.Host;
import dev.timmy.host.OllamaFixtures;

import static dev.timmy.host.OllamaFixtures.json;
import static dev.timmy.host.OllamaFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timmy.config.HouseConfig;
import dev.timmy.config.HouseConfig.CleanupRoot;
import dev.timmy.config.HouseConfig.LoopSpec;
import dev.timmy.facts.AutomationLoop;
import dev.timmy.facts.LoopKind;
import dev.timmy.facts.ModelRole;
import dev.timmy.facts.OllamaModel;
import dev.timmy.facts.StaleFile;
import dev.timmy.observe.House;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole house read once, on this machine, with Ollama served by a mock: parts fail into facts and gaps. */
class HouseSourcesTest {
  @TempDir Path tmp;

  HouseConfig config(String ollamaUrl) throws Exception {
    Path beat = Files.writeString(tmp.resolve("heartbeat"), "");
    Path root = Files.createDirectories(tmp.resolve("logs"));
    CleanupTree.write(root.resolve("old.log"), 123, Instant.now().minus(Duration.ofDays(30)));
    List<LoopSpec> loops = List.of(
        new LoopSpec("heartbeat", LoopKind.HEARTBEAT, 300, beat.toString(), null, null, null, null, List.of("/bin/true"), null),
        new LoopSpec("jvm", LoopKind.PROCESS, 60, null, null, "java", null, null, null, null),
        new LoopSpec("ci-main", LoopKind.CI, 0, null, null, null, "alex/hermes-dashboard", "main", null, null));
    List<CleanupRoot> cleanup = List.of(new CleanupRoot(root.toString(), 7, null), new CleanupRoot(tmp.resolve("gone").toString(), 7, null));
    HouseConfig c = new HouseConfig(ollamaUrl, "qwen3:8b", "qwen3:14b", "30m", List.of("ollama"), List.of(), List.of("/"),
        cleanup, loops, null, null);
    assertEquals(List.of(), c.problems("house."));
    return c;
  }

  @Test
  void a_read_combines_host_models_loops_and_cleanup_and_lists_what_it_could_not_read() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest r) {
          return ok(json(r.getTarget().equals("/api/ps") ? "ps.json" : "tags.json"));
        }
      });
      server.start();
      HouseConfig config = config(server.url("/").toString());
      HouseSources sources = new HouseSources(config, Host.of(config, new OkHttpClient()), new OkHttpClient(), CiStatus.Source.none(), Clock.systemUTC());

      House h = sources.read();

      assertNotNull(h.host());
      assertTrue(h.host().memTotal() > 0);
      assertEquals(List.of("/"), h.disks().stream().map(d -> d.mount()).toList());
      assertNull(h.ollamaDown());
      assertEquals(List.of(ModelRole.COMPLEX, ModelRole.FAST, ModelRole.OTHER), h.models().stream().map(OllamaModel::role).toList());
      assertEquals(List.of("heartbeat", "jvm"), h.loops().stream().map(AutomationLoop::name).toList());
      AutomationLoop jvm = h.loops().get(1);
      assertEquals(0, jvm.consecutiveFailures(), "this JVM is the java process the loop looks for");
      assertTrue(h.processes().stream().anyMatch(p -> p.pid() == ProcessHandle.current().pid()), "loop process names are watched too");
      assertEquals(List.of(tmp.resolve("logs/old.log").toRealPath().toString()), h.staleFiles().stream().map(StaleFile::path).toList());
      assertEquals(2, h.gaps().size(), String.valueOf(h.gaps()));
      assertEquals("loop ci-main: no CI status supplied for alex/hermes-dashboard@main", h.gaps().get(0));
      assertTrue(h.gaps().get(1).startsWith("cleanup: root " + tmp.resolve("gone") + " could not be scanned"), h.gaps().get(1));
    }
  }

  @Test
  void ollama_being_down_is_a_fact_and_the_rest_is_still_read() throws Exception {
    MockWebServer closed = new MockWebServer();
    closed.start();
    String url = closed.url("/").toString();
    closed.close();
    HouseSources sources = new HouseSources(config(url), Host.of(config(url), new OkHttpClient()), new OkHttpClient(), CiStatus.Source.none(), Clock.systemUTC());

    House h = sources.read();

    assertNotNull(h.ollamaDown());
    assertTrue(h.ollamaDown().reason().startsWith("Ollama at " + url), h.ollamaDown().reason());
    assertEquals(List.of(), h.models());
    assertNotNull(h.host());
    assertEquals(2, h.loops().size());
  }
}
