package dev.timmy.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessNamesTest {
  final ProcessNames names = new ProcessNames(List.of("claude", "Ollama"));

  @Test
  void a_process_matches_by_its_name_or_its_executable_in_any_case() {
    assertEquals(Optional.of("ollama"), names.match("ollama", null));
    assertEquals(Optional.of("ollama"), names.match("/usr/local/bin/OLLAMA"));
    assertEquals(Optional.of("claude"), names.match("node", "/opt/homebrew/bin/claude"));
  }

  @Test
  void arguments_never_make_a_match_and_partial_names_do_not_either() {
    // tail -f …/claude is tail: its executable is /usr/bin/tail whatever it reads.
    assertEquals(Optional.empty(), names.match("tail", "/usr/bin/tail"));
    assertEquals(Optional.empty(), names.match("claude-helper", "/usr/bin/claude-helper"));
    assertEquals(Optional.empty(), names.match(null, null));
    assertEquals(Optional.empty(), names.match("", "/"));
  }
}
