package dev.timmy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.timmy.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code bench --journal} on a small house: the figures are there and say what the journal promises; no time is asserted. */
class JournalBenchTest {
  @Test
  void a_steady_cycle_journals_less_than_a_changed_one_and_every_figure_is_reported() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new JournalBench(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(Path.of("rules"), List.of(200), 2, true);
    JsonNode size = Json.mapper().readTree(bytes.toString(StandardCharsets.UTF_8)).get("sizes").get(0);
    assertEquals(200, size.get("issues").asInt());
    assertTrue(size.get("steadyBytes").asLong() < size.get("changedBytes").asLong(), size.toString());
    assertTrue(size.get("changedBytes").asLong() < size.get("firstBytes").asLong(), size.toString());
    assertTrue(size.get("changed").asInt() > 0, size.toString());
    for (String f : List.of("steadyWriteMs", "changedWriteMs", "historyMs")) {
      assertTrue(size.get(f).asDouble() > 0, f + " measured: " + size);
    }
  }
}
