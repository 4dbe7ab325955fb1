package dev.timmy.observe.house;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcessNamesTest {
  final ProcessNames names = new ProcessNames(List.of("claude", "Ollama"));

  @Test
  void a_process_matches_by_its_own_name_in_any_case() {
    assertEquals(Optional.of("ollama"), names.match("ollama", List.of()));
    assertEquals(Optional.of("ollama"), names.match("/usr/local/bin/OLLAMA", List.of()));
  }

  @Test
  void an_interpreted_agent_matches_by_its_script_argument() {
    assertEquals(Optional.of("claude"), names.match("node", List.of("node", "/opt/homebrew/bin/claude", "--resume")));
  }

  @Test
  void later_arguments_and_partial_names_do_not_match() {
    assertEquals(Optional.empty(), names.match("node", List.of("node", "server.js", "claude")));
    assertEquals(Optional.empty(), names.match("claude-helper", List.of()));
    assertEquals(Optional.empty(), names.match(null, List.of()));
  }
}
